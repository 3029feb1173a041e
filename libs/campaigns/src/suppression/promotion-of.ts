import { Campaign } from '../planning/campaign';
import { Promotion } from './block-reason';
import { SuppressionFacts } from './suppression-facts';

/**
 * Whether a product the customer returned or complained about is promoted by the campaign, and how: as one of its
 * products (by productId or sku), as a product of a promoted category, or (scope `category`) as a product of the
 * category the campaign gives a promoted product. The returned product's category is known from the customer's
 * own order lines.
 */
export function promotionOf(
  campaign: Campaign,
  product: { productId: string | null; sku: string | null },
  facts: SuppressionFacts,
): Promotion | null {
  const ids = [product.productId, product.sku].filter((id): id is string => id !== null);
  const promoted = campaign.products.find((candidate) => ids.includes(candidate.sku));
  if (promoted) return { by: 'product', sku: promoted.sku };
  const category = ids.map((id) => facts.categories[id]).find((known) => known !== undefined);
  if (category === undefined) return null;
  if (campaign.categories.includes(category)) return { by: 'category', category };
  if (campaign.suppressionScope !== 'category') return null;
  const sibling = campaign.products.some((candidate) => candidate.category === category);
  return sibling ? { by: 'category', category } : null;
}
