import type { Random } from '../../../../src-shared/domain/random';
import type * as schema from '../../schema';
import type { KbArticleSeed } from './article';
import { DATA_BRIDGE_API_ARTICLES } from './data-bridge-api';
import { EXPENSE_FLOW_ARTICLES } from './expense-flow';
import { FIELD_SERVICE_ARTICLES } from './field-service';
import { INVENTORY_HUB_ARTICLES } from './inventory-hub';
import { LEDGER_CLOUD_ARTICLES } from './ledger-cloud';
import { PAYROLL_PRO_ARTICLES } from './payroll-pro';

type KbArticleRow = typeof schema.kbArticles.$inferInsert;

const ARTICLES_BY_PRODUCT: Record<string, KbArticleSeed[]> = {
  prod_ledger_cloud: LEDGER_CLOUD_ARTICLES,
  prod_payroll_pro: PAYROLL_PRO_ARTICLES,
  prod_field_service: FIELD_SERVICE_ARTICLES,
  prod_data_bridge_api: DATA_BRIDGE_API_ARTICLES,
  prod_inventory_hub: INVENTORY_HUB_ARTICLES,
  prod_expense_flow: EXPENSE_FLOW_ARTICLES,
};

/** Every demo article as a row, with a seeded id. */
export function knowledgeBaseRows(rng: Random): KbArticleRow[] {
  return Object.entries(ARTICLES_BY_PRODUCT).flatMap(([productId, articles]) =>
    articles.map((article) => ({ id: rng.id('kb'), productId, title: article.title, body: article.body })),
  );
}
