/**
 * The tab's title: `<screen> · <product>`. The product is Keygate in the dashboard and the
 * platform's own product name in the key portal (set once its session is known).
 *
 * @example setTitleProduct("ShipFast"); documentTitle("API Keys") // "API Keys · ShipFast"
 */
let product = "Keygate";

export function setTitleProduct(name: string): void {
  product = name;
}

export function documentTitle(screen: string): string {
  return `${screen} · ${product}`;
}
