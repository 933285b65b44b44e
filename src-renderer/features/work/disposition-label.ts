/** A queue's disposition code as people read it: "callback_scheduled" → "Callback scheduled". */
export function dispositionLabel(code: string): string {
  const words = code.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
