/** A knowledge-base article as written for the demo: the product comes from the file it lives in. */
export interface KbArticleSeed {
  title: string;
  /** Plain text; paragraphs separated by blank lines, steps as numbered lines. */
  body: string;
}
