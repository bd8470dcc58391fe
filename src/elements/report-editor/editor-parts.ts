import type { ReactiveControllerHost } from 'lit';
import type { PropertyInfo } from '../../core/table/properties.ts';
import type { EditorDraftController } from './editor-draft-controller.ts';
import type { ControlId } from './editor-draft.ts';
import type { Tab, Translate } from './editor-types.ts';
import type { EditorVocabulary } from './editor-vocabulary.ts';

/** What the editor's panes share: the draft, the words, and the editor's ways to speak and move focus. */
export interface EditorParts {
  host: ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };
  draft: EditorDraftController;
  words: EditorVocabulary;
  catalog(): readonly PropertyInfo[];
  t: Translate;
  /** Says `text` through the editor's live region. */
  announce(text: string): void;
  /** Focuses the first match of `selector` in the editor once it has rendered. */
  focusLater(selector: string): Promise<void>;
  /** The revealed problem's message next to a control. */
  error(control: ControlId): string | undefined;
  selectTab(tab: Tab, focus?: boolean): void;
}
