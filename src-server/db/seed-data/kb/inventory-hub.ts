import type { KbArticleSeed } from './article';

export const INVENTORY_HUB_ARTICLES: KbArticleSeed[] = [
  {
    title: 'Negative stock after posting a stock take',
    body: `A stock take sets the counted quantity as of the count date. Movements posted after the count started but dated before it (late receipts, back-dated shipments) are applied on top and can push the balance below zero.

Open the item's stock ledger and filter from the count date: movements dated before the count but posted after it are marked with a clock icon. Reverse and re-post them with the correct date, or post a corrective count.

To avoid this, freeze the location during the count (Stock take > "Block movements"), which holds shipments until the count is posted.`,
  },
  {
    title: 'Barcode scanners do not react on the receiving screen',
    body: `Scanners work as keyboards: they type the code and send Enter. The receiving screen listens for scans only when the scan field has focus. Since version 8.4 focus moves to the first line after a receipt is opened, so scans go to the quantity field.

Click into the scan field, or enable "Always focus scan field" under Settings > Receiving. Also check the scanner sends a suffix of Enter (CR), not Tab; the scanner's configuration guide has a barcode to set this.`,
  },
  {
    title: 'Transfer orders stuck "in transit"',
    body: `A transfer leaves "in transit" only when the receiving location posts a receipt against the transfer order. Receiving the goods as a normal purchase receipt increases stock at the destination but leaves the transfer open — and the stock is then counted twice.

Open the transfer, click "Receive", and enter the quantities. If the goods were already received another way, reverse that receipt first.`,
  },
  {
    title: 'Reorder suggestions are too high',
    body: `Suggestions use the average daily demand over the "Demand window" (default 90 days) times the lead time plus safety stock. One very large order inside the window inflates the average for months.

Mark exceptional orders as "Exclude from demand" on the order, or shorten the demand window for fast-moving items. Check the item's lead time too: a lead time in days entered as weeks multiplies the suggestion by seven.`,
  },
  {
    title: 'Shopify orders do not reserve stock',
    body: `Orders from Shopify reserve stock when the channel's "Reserve on import" setting is on and the order's location matches an Inventory Hub warehouse. After adding a Shopify location, the mapping must be set under Channels > Shopify > Locations; unmapped orders are imported without reservations.

Map the location, then use "Reprocess orders" for the last 7 days to reserve stock for open orders.`,
  },
  {
    title: 'Inventory valuation differs from the general ledger',
    body: `The valuation report values stock at the cost method of each item; the ledger holds what was posted. They diverge when cost adjustments are not yet posted (e.g. landed costs added after the sale) or when journals were posted by hand to the inventory account.

Run "Post cost adjustments" up to the period end, then compare again. Any remaining difference is listed, per account, by the "Inventory to ledger reconciliation" report.`,
  },
  {
    title: 'Shipping labels print blank on Zebra printers',
    body: `Labels are sent to Zebra printers as ZPL. A blank label means the printer received the job but in another language (usually PDF), which happens when the printer is added as a normal printer in the operating system instead of through the print agent.

Install the print agent, select the printer in Settings > Printing with type "ZPL", and print a test label. Also check the label size (4x6 inches by default) matches the media loaded.`,
  },
];
