import type { LitElement } from 'lit';
import { property } from 'lit/decorators.js';

// A mixin must accept any constructor signature (TypeScript requires `any[]` here).
type LitConstructor = abstract new (...args: any[]) => LitElement;

/**
 * The mixin's own properties. Spelled out as the return type because declaration emit cannot name the
 * anonymous class (TS4094 on LitElement's protected members), which broke `vite build`.
 */
export interface SourceAttributeProperties {
  src: string | null;
  csvSrc: string | null;
  hubspotProxy: string | null;
  sample: string | null;
}

/**
 * The source attributes of an element configured in markup (`<conversation-dashboard>`, a standalone
 * `<report-tile>`): declared once here, read by `DeclarativeSourceController`, which turns them into
 * one DataSource. An element may add sources of its own (the dashboard's `server-src`).
 */
export function SourceAttributes<T extends LitConstructor>(Base: T): T & (abstract new (...args: any[]) => SourceAttributeProperties) {
  abstract class WithSourceAttributes extends Base {
    /** Markup configuration: a REST endpoint of conversations, read with `RestDataSource`'s defaults; the element loads it itself. */
    @property() src: string | null = null;
    /** Markup configuration: the URL of a CSV export of conversations (`CsvDataSource.fromUrl`). */
    @property({ attribute: 'csv-src' }) csvSrc: string | null = null;
    /** Markup configuration: the base URL of the host's HubSpot proxy (`HubSpotDataSource`). */
    @property({ attribute: 'hubspot-proxy' }) hubspotProxy: string | null = null;
    /** Markup configuration: generated demo conversations; the value is how many (empty: 2000). */
    @property() sample: string | null = null;
  }
  return WithSourceAttributes;
}
