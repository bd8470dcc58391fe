/**
 * `conversation-reports.standalone.js`: the whole kit in one ES module file for pages that load it
 * with a single `<script type="module" src="…">` (a CMS page, no bundler). It registers every
 * element and exports what the main entry exports; the report editor, the fr/nl catalogs and the
 * CSV/HubSpot/sample sources used by the markup attributes are inlined in the same file. The
 * engine runs on the page's main thread (the build replaces the Worker factory), so the file
 * needs no second file and no `blob:` Worker under a strict Content-Security-Policy.
 */
export * from '../index.ts';
