/**
 * `update_title` (spec/callbacks.md §7, §10.3): while callbacks are pending the document title
 * shows it; afterwards the title is restored — unless something else set a new title meanwhile
 * (a page callback), which is then kept.
 */
export function titleUpdater(updateTitle: string | null | undefined, doc: Document): (busy: boolean) => void {
  let saved: string | undefined;
  return (busy) => {
    if (!updateTitle) return;
    if (busy && saved === undefined) {
      saved = doc.title;
      doc.title = updateTitle;
    } else if (!busy && saved !== undefined) {
      if (doc.title === updateTitle) doc.title = saved;
      saved = undefined;
    }
  };
}
