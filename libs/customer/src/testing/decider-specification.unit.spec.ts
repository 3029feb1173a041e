import { Decider } from '../customer-decider';
import { deciderSpecification } from './decider-specification';

class TooManyError extends Error {}

// A counter that refuses to pass 2: enough to show the helper fails when it should.
const counter: Decider<number, 'increment', 'incremented'> = {
  initialState: () => 0,
  evolve: (count) => count + 1,
  decide: (_command, count) => {
    if (count >= 2) throw new TooManyError('at most 2');
    return ['incremented'];
  },
};
const given = deciderSpecification(counter).given;

describe('deciderSpecification', () => {
  it('passes when the decided events are the expected ones', () => {
    given(['incremented']).when('increment').then(['incremented']);
  });

  it('fails when the decided events differ', () => {
    expect(() => given([]).when('increment').then([])).toThrow();
  });

  it('fails thenThrows when nothing is thrown', () => {
    expect(() => given([]).when('increment').thenThrows(TooManyError)).toThrow(/expected TooManyError, got no error/);
  });

  it('passes thenThrows for the expected error, and runs the check', () => {
    const check = jest.fn();
    given(['incremented', 'incremented']).when('increment').thenThrows(TooManyError, check);
    expect(check).toHaveBeenCalledWith(expect.any(TooManyError));
  });

  it('fails thenNothingHappened when events are decided', () => {
    expect(() => given([]).when('increment').thenNothingHappened()).toThrow();
  });
});
