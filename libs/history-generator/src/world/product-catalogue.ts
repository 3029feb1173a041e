import { hashOf, WeightedTable } from '../seeded-random';
import { currencies, Currency, ratePerGbp } from './places';

/** [category, typical price in pence, the things it sells] */
const categoryTable: readonly (readonly [string, number, readonly string[]])[] = [
  ['candles', 395, ['T-LIGHT HOLDER', 'SCENTED CANDLE', 'PILLAR CANDLE', 'LANTERN']],
  ['home-decor', 595, ['HANGING HEART', 'WALL SIGN', 'PHOTO FRAME', 'ORNAMENT']],
  ['kitchen', 450, ['TEA TOWEL', 'CAKE TIN', 'MEASURING SPOONS', 'APRON']],
  ['tableware', 325, ['MUG', 'PLATE', 'BOWL', 'EGG CUP']],
  ['lighting', 1495, ['STRING LIGHTS', 'TABLE LAMP', 'NIGHT LIGHT', 'LAMPSHADE']],
  ['garden', 795, ['BIRD FEEDER', 'PLANT POT', 'WATERING CAN', 'GARDEN SIGN']],
  ['stationery', 165, ['NOTEBOOK', 'PENCIL SET', 'GREETING CARD', 'WRAPPING PAPER']],
  ['party', 125, ['PAPER CUPS', 'BUNTING', 'BALLOONS', 'NAPKINS']],
  ['christmas', 295, ['BAUBLE', 'ADVENT CALENDAR', 'STOCKING', 'TREE TOPPER']],
  ['toys', 695, ['SPINNING TOP', 'JIGSAW', 'DOLL', 'PLAY SET']],
  ['bags', 210, ['JUMBO BAG', 'LUNCH BAG', 'TOTE BAG', 'SHOPPER']],
  ['storage', 850, ['STORAGE TIN', 'BASKET', 'JAR', 'BOX']],
  ['bathroom', 495, ['SOAP DISH', 'TOOTHBRUSH HOLDER', 'TOWEL', 'WASH BAG']],
  ['textiles', 1195, ['CUSHION COVER', 'THROW', 'TABLE RUNNER', 'DOORMAT']],
  ['clocks', 1650, ['WALL CLOCK', 'ALARM CLOCK', 'MANTEL CLOCK', 'KITCHEN TIMER']],
  ['jewellery', 895, ['NECKLACE', 'BRACELET', 'EARRINGS', 'RING']],
  ['baking', 375, ['CAKE CASES', 'COOKIE CUTTER', 'ICING SET', 'BAKING TRAY']],
  ['vintage', 1250, ['ENAMEL JUG', 'METAL SIGN', 'TRAVEL CASE', 'POSTCARD SET']],
  ['pets', 550, ['PET BOWL', 'DOG TOY', 'CAT BED', 'TREAT JAR']],
  ['outdoor', 1995, ['PICNIC BLANKET', 'COOL BAG', 'DECKCHAIR', 'PARASOL']],
  ['crafts', 295, ['SEWING KIT', 'RIBBON', 'BUTTON SET', 'KNITTING NEEDLES']],
  ['books', 899, ['COOKBOOK', 'ACTIVITY BOOK', 'RECIPE CARDS', 'JOURNAL']],
  ['beauty', 650, ['HAND CREAM', 'LIP BALM', 'BATH BOMB', 'MAKE-UP BAG']],
  ['fragrance', 1850, ['DIFFUSER', 'ROOM SPRAY', 'EAU DE TOILETTE', 'WAX MELTS']],
  ['mirrors', 2495, ['WALL MIRROR', 'VANITY MIRROR', 'HAND MIRROR', 'FLOOR MIRROR']],
  ['furniture', 5995, ['SIDE TABLE', 'STOOL', 'SHELF', 'BOOKCASE']],
  ['rugs', 3495, ['RUG', 'RUNNER', 'BATH MAT', 'SHEEPSKIN']],
  ['bedding', 2995, ['DUVET COVER', 'PILLOWCASE', 'BEDSPREAD', 'FITTED SHEET']],
  ['coffee', 699, ['COFFEE BEANS', 'CAFETIERE', 'MILK FROTHER', 'COFFEE MUG']],
  ['tea', 450, ['TEAPOT', 'TEA CADDY', 'LOOSE LEAF TEA', 'TEA STRAINER']],
  ['chocolate', 350, ['CHOCOLATE BAR', 'TRUFFLES', 'HOT CHOCOLATE', 'FUDGE']],
  ['wine', 1299, ['WINE GLASS', 'DECANTER', 'BOTTLE STOPPER', 'WINE RACK']],
  ['barware', 995, ['COCKTAIL SHAKER', 'TUMBLER', 'ICE TRAY', 'COASTER SET']],
  ['cookware', 2995, ['FRYING PAN', 'SAUCEPAN', 'CASSEROLE DISH', 'WOK']],
  ['cutlery', 1495, ['CUTLERY SET', 'TEASPOONS', 'STEAK KNIVES', 'SERVING SPOONS']],
  ['electronics', 3995, ['BLUETOOTH SPEAKER', 'PHONE CHARGER', 'HEADPHONES', 'RADIO']],
  ['phone-accessories', 995, ['PHONE CASE', 'CABLE', 'STAND', 'POWER BANK']],
  ['watches', 4995, ['WRISTWATCH', 'POCKET WATCH', 'WATCH STRAP', 'SMART WATCH BAND']],
  ['hats', 1495, ['BEANIE', 'SUN HAT', 'FLAT CAP', 'BUCKET HAT']],
  ['scarves', 1695, ['WOOL SCARF', 'SILK SCARF', 'SNOOD', 'SHAWL']],
  ['gloves', 1295, ['LEATHER GLOVES', 'MITTENS', 'GARDEN GLOVES', 'OVEN GLOVE']],
  ['umbrellas', 1195, ['UMBRELLA', 'COMPACT UMBRELLA', 'GOLF UMBRELLA', 'KIDS UMBRELLA']],
  ['travel', 2495, ['PASSPORT COVER', 'LUGGAGE TAG', 'TRAVEL PILLOW', 'WASH KIT']],
  ['sports', 2295, ['YOGA MAT', 'WATER BOTTLE', 'SKIPPING ROPE', 'GYM BAG']],
  ['baby', 995, ['BABY BLANKET', 'BIB', 'RATTLE', 'SOFT TOY']],
  ['kids-room', 1495, ['NIGHT LIGHT', 'WALL STICKER', 'TOY BOX', 'GROWTH CHART']],
  ['office', 895, ['DESK ORGANISER', 'PEN POT', 'FILE BOX', 'DESK LAMP']],
  ['art', 2995, ['ART PRINT', 'CANVAS', 'POSTER', 'FRAMED PRINT']],
  ['seasonal', 450, ['EASTER EGG', 'HALLOWEEN LANTERN', 'VALENTINE CARD', 'SUMMER BUNTING']],
  ['gift-sets', 2495, ['GIFT BOX', 'HAMPER', 'PAMPER SET', 'GIFT CARD HOLDER']],
];

const adjectives = [
  'WHITE', 'RED', 'PINK', 'BLUE', 'GREEN', 'IVORY', 'VINTAGE', 'RETRO', 'SPOTTY', 'FLORAL', 'HEART', 'STAR', 'WOODEN', 'GLASS', 'ENAMEL',
  'ZINC', 'REGENCY', 'PAISLEY', 'GINGHAM', 'STRIPED', 'LARGE', 'SMALL', 'SET OF 3', 'SET OF 6', 'JUMBO', 'MINI', 'RUSTIC', 'NORDIC',
];

export interface Product {
  productId: string;
  sku: string;
  category: string;
  description: string;
}

export interface CatalogueOptions {
  products: number;
  /** How steep the popularity is: the product of rank r sells in proportion to 1 / r^zipfExponent. */
  zipfExponent?: number;
}

/**
 * A seeded catalogue: `products` SKUs over 50 categories, with Zipf-like popularity (a few best-sellers,
 * a long tail). Stock codes look like the Online Retail data set's (five digits, sometimes a letter).
 */
export class ProductCatalogue {
  readonly products: readonly Product[];
  readonly categories: readonly string[] = categoryTable.map(([name]) => name);
  /** Unit prices in minor units (pence, cents), per currency: [currency index][product]. */
  private readonly prices: Int32Array[];
  private readonly popularity: WeightedTable;

  constructor(key: number, options: CatalogueOptions) {
    const count = options.products;
    const products: Product[] = [];
    const pence = new Int32Array(count);
    for (let i = 0; i < count; i++) {
      const [category, basePrice, nouns] = categoryTable[hashOf(key, i, 101) % categoryTable.length];
      const h = hashOf(key, i, 102);
      const code = String(10000 + ((i * 7919) % 90000)) + (h % 5 === 0 ? 'ABCDEFG'[h % 7] : '');
      products.push({ productId: code, sku: code, category, description: `${adjectives[h % adjectives.length]} ${nouns[(h >>> 8) % nouns.length]}` });
      // Prices spread from a third to three times the category's typical price, ending in 5 pence.
      const factor = 0.33 * Math.exp(2.2 * (hashOf(key, i, 103) / 4294967296));
      pence[i] = Math.max(5, Math.round((basePrice * factor) / 5) * 5);
    }
    this.products = products;
    this.prices = currencies.map((currency) => (currency === 'GBP' ? pence : pence.map((price) => Math.round(price * ratePerGbp[currency]))));
    // Popularity ranks are a seeded shuffle of the products, so best-sellers fall in every category.
    const exponent = options.zipfExponent ?? 1.07;
    const rankOf = Array.from({ length: count }, (_, i) => i).sort((a, b) => hashOf(key, a, 104) - hashOf(key, b, 104) || a - b);
    const weights = new Array<number>(count);
    rankOf.forEach((product, rank) => (weights[product] = 1 / Math.pow(rank + 1, exponent)));
    this.popularity = new WeightedTable(weights);
  }

  get size(): number {
    return this.products.length;
  }

  /** A product drawn by popularity, for `unit` in [0, 1). */
  popularAt(unit: number): number {
    return this.popularity.indexAt(unit);
  }

  priceOf(product: number, currency: number): number {
    return this.prices[currency][product];
  }
}

export function currencyIndexOf(currency: Currency): number {
  return currencies.indexOf(currency);
}
