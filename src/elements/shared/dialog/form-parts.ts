import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import {
  DASHBOARD_NAME_MAX_LENGTH,
  cleanDashboardName,
  dashboardNameLength,
  type DashboardNameProblem,
} from '../../../core/dashboard/dashboard-name.ts';
import { privacyLevels, type Privacy } from '../../../core/schema/dashboard.ts';
import type { Team } from './team.ts';
import type { Translator } from './template-text.ts';

/**
 * The name field and the privacy choice, shared by the creation wizard and the settings dialog so
 * the two read and behave the same.
 */

export function nameProblemMessage(t: Translator, problem: DashboardNameProblem, name: string): string {
  switch (problem) {
    case 'tooLong':
      return t('dashboards.name.tooLong', { length: dashboardNameLength(name), max: DASHBOARD_NAME_MAX_LENGTH });
    case 'duplicate':
      return t('dashboards.name.duplicate', { name: cleanDashboardName(name) });
    default:
      return t(`dashboards.name.${problem}`);
  }
}

export interface NameFieldOptions {
  /** The input's id; the hint and message ids derive from it. */
  id: string;
  value: string;
  problem: DashboardNameProblem | null;
  /** False until the user typed or tried to go on, so an empty field does not start out in error. */
  showProblem: boolean;
  /** A warning that does not block, such as names that could not be loaded. */
  note?: string | null;
  t: Translator;
  onInput: (value: string) => void;
}

export function renderNameField(options: NameFieldOptions): TemplateResult {
  const { id, t } = options;
  const shown = options.showProblem && options.problem !== null;
  return html`<div class="field name-field">
    <label for=${id}>${t('dashboards.name.label')}</label>
    <input
      id=${id}
      part="name-input"
      name="name"
      type="text"
      autocomplete="off"
      required
      .value=${live(options.value)}
      aria-invalid=${shown ? 'true' : 'false'}
      aria-describedby=${`${id}-problem ${id}-hint`}
      @input=${(event: Event) => options.onInput((event.target as HTMLInputElement).value)}
    />
    <p id=${`${id}-hint`} class="hint">${t('dashboards.name.hint', { max: DASHBOARD_NAME_MAX_LENGTH })}</p>
    <p id=${`${id}-problem`} part="name-problem" class="problem" aria-live="polite">
      ${shown ? nameProblemMessage(t, options.problem!, options.value) : nothing}
    </p>
    ${options.note ? html`<p class="note">${options.note}</p>` : nothing}
  </div>`;
}

export interface PrivacyFieldsOptions {
  /** Prefix of the ids inside, unique in the shadow root. */
  id: string;
  /** What is chosen: the privacy level and, for `team`, which team. */
  choice: { privacy: Privacy; teamId: string };
  teams: readonly Team[];
  t: Translator;
  /** The user chose another level or team. */
  onChange: (change: { privacy: Privacy } | { teamId: string }) => void;
}

export function renderPrivacyFields(options: PrivacyFieldsOptions): TemplateResult {
  const { id, t, teams, choice: chosen } = options;
  const choice = (level: Privacy): TemplateResult => {
    const inputId = `${id}-${level}`;
    const noTeams = level === 'team' && teams.length === 0;
    return html`<div class="choice">
      <input
        type="radio"
        id=${inputId}
        name=${`${id}-privacy`}
        value=${level}
        .checked=${live(chosen.privacy === level)}
        ?disabled=${noTeams}
        aria-describedby=${`${inputId}-hint`}
        @change=${() => options.onChange({ privacy: level })}
      />
      <label for=${inputId}>${t(`dashboards.privacy.${level}`)}</label>
      ${level === 'team' && !noTeams
        ? html`<span class="team-select">
            <label for=${`${id}-team`}>${t('dashboards.privacy.teamSelect')}</label>
            <select
              id=${`${id}-team`}
              part="team-select"
              ?disabled=${chosen.privacy !== 'team'}
              .value=${live(chosen.teamId)}
              @change=${(event: Event) => options.onChange({ teamId: (event.target as HTMLSelectElement).value })}
            >
              ${teams.map((team) => html`<option value=${team.id} ?selected=${team.id === chosen.teamId}>${team.name}</option>`)}
            </select>
          </span>`
        : nothing}
      <span id=${`${inputId}-hint`} class="hint"
        >${noTeams ? t('dashboards.privacy.noTeams') : t(`dashboards.privacy.${level}.hint`)}</span
      >
    </div>`;
  };
  return html`<fieldset class="privacy" part="privacy">
    <legend>${t('dashboards.privacy.legend')}</legend>
    ${privacyLevels.map(choice)}
  </fieldset>`;
}
