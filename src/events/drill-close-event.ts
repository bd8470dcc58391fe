/** The drill dialog closed (Escape, the close button, or `hide()`). */
export class DrillCloseEvent extends Event {
  static readonly type = 'close';
  constructor() {
    super(DrillCloseEvent.type, { bubbles: true, composed: true });
  }
}
