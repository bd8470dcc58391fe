import { businessHoursSchema, slaSchema, type BusinessHours, type Sla } from '../../core/schema/business-hours.ts';
import { DashboardConfigError, parseConfig, parseJsonText } from '../../core/schema/dashboard-config.ts';

/**
 * The `business-hours` and `sla` attributes: JSON, validated like the markup config. A bad value
 * is kept as an error naming the attribute and field (shown in place of the dashboard), never
 * half-applied.
 */
export class HostSettingsAttributes {
  #errors = new Map<string, DashboardConfigError>();

  /** The first attribute that cannot be used, or null. */
  get error(): DashboardConfigError | null {
    return this.#errors.values().next().value ?? null;
  }

  businessHours(text: string | null): BusinessHours | null | undefined {
    return this.#read('business-hours', text, (value) => parseConfig(businessHoursSchema, value));
  }

  sla(text: string | null): Sla | null | undefined {
    return this.#read('sla', text, (value) => parseConfig(slaSchema, value));
  }

  /** Reads `business-hours` or `sla` into the host's property (an invalid value leaves it as it was); false for any other attribute. */
  apply(name: string, text: string | null, host: { businessHours: BusinessHours | null; sla: Sla | null }): boolean {
    if (name === 'business-hours') {
      const parsed = this.businessHours(text);
      if (parsed !== undefined) host.businessHours = parsed;
      return true;
    }
    if (name !== 'sla') return false;
    const parsed = this.sla(text);
    if (parsed !== undefined) host.sla = parsed;
    return true;
  }

  /** The parsed value; null when the attribute went away; undefined when it is invalid (the error is kept). */
  #read<T>(name: string, text: string | null, parse: (value: unknown) => T): T | null | undefined {
    this.#errors.delete(name);
    if (text === null) return null;
    try {
      return parse(parseJsonText(text));
    } catch (error) {
      if (!(error instanceof DashboardConfigError)) throw error;
      const issues = error.issues.map((issue) => ({ ...issue, path: issue.path ? `${name}.${issue.path}` : name }));
      this.#errors.set(name, new DashboardConfigError(issues, { what: 'Invalid dashboard config', cause: error }));
      return undefined;
    }
  }
}
