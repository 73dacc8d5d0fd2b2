import { Window } from 'happy-dom';

/**
 * The dashboard as a reader sees it: the page loaded in happy-dom with its
 * script run, the Tests tab open and every node expanded. Returns the text
 * of each tree row (kind letter, name, badges, figures) in display order,
 * and the detail pane's text after selecting the row whose name contains
 * `select`.
 */
export async function dashboardTree(html: string, select?: string): Promise<{ rows: string[]; detail: string }> {
  // The page is memscope's own, rendered from a test's report: its script is trusted here.
  const settings = { enableJavaScriptEvaluation: true, suppressInsecureJavaScriptEnvironmentWarning: true, disableJavaScriptFileLoading: true, disableCSSFileLoading: true };
  const window = new Window({ settings });
  try {
    const document = window.document;
    document.write(html);
    await window.happyDOM.waitUntilComplete();
    const click = (element: Element | undefined | null, what: string) => {
      if (!element) throw new Error(`dashboard: no ${what}`);
      (element as unknown as { click(): void }).click();
    };
    click(document.querySelector('[data-page="tests"]'), 'Tests tab');
    click([...document.querySelectorAll('button')].find((b) => b.textContent === 'Expand all'), 'Expand all button');
    const rowElements = [...document.querySelectorAll('.row')];
    const rows = rowElements.map((row) => row.textContent ?? '');
    let detail = '';
    if (select !== undefined) {
      const row = rowElements.find((r) => (r.querySelector('.label')?.textContent ?? '').includes(select));
      click(row?.querySelector('.label'), `row named ${select}`);
      detail = document.querySelector('section.detail')?.textContent ?? '';
    }
    return { rows, detail };
  } finally {
    await window.happyDOM.close();
  }
}
