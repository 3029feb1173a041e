import { SegmentCondition } from './segment-condition';
import { fieldSpec } from './segment-fields';

export type PersonalField = 'birthDate' | 'gender' | 'occupation';

/** The personal fields a condition reads: they are opened only for segments that need them. */
export function personalFieldsOf(condition: SegmentCondition): Set<PersonalField> {
  const found = new Set<PersonalField>();
  const visit = (node: SegmentCondition): void => {
    if ('all' in node) node.all.forEach(visit);
    else if ('any' in node) node.any.forEach(visit);
    else if ('not' in node) visit(node.not);
    else if ('field' in node) {
      const personal = fieldSpec(node.field).personal;
      if (personal) found.add(personal);
    }
  };
  visit(condition);
  return found;
}
