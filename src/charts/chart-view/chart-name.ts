import type { EChartsCoreOption } from '../echarts.ts';

type AriaOption = {
  enabled?: boolean;
  label?: { enabled?: boolean; description?: string } & Record<string, unknown>;
} & Record<string, unknown>;

function optionDescription(option: EChartsCoreOption | undefined): string {
  const aria = option?.aria as AriaOption | undefined;
  const description = aria?.label?.description;
  return typeof description === 'string' ? description : '';
}

/** The chart's accessible name: the host's label, then the option's aria description unless it already starts with it. */
export function chartName(label: string, option: EChartsCoreOption | undefined): string {
  const description = optionDescription(option);
  const trimmed = label.trim();
  if (!trimmed) return description;
  if (!description) return trimmed;
  // Hosts often pass the report title as label, and generated descriptions start with it too.
  if (description === trimmed || description.startsWith(`${trimmed}.`)) return description;
  return `${trimmed}. ${description}`;
}

/**
 * The option with aria on and `name` as its description: ECharts writes the aria label onto the
 * chart's box, which must carry the same name the chart view's template gives it.
 */
export function withAccessibleName(option: EChartsCoreOption, name: string): EChartsCoreOption {
  const aria = (option.aria ?? {}) as AriaOption;
  return {
    ...option,
    aria: {
      ...aria,
      enabled: true,
      label: { ...aria.label, enabled: true, ...(name ? { description: name } : {}) },
    },
  };
}
