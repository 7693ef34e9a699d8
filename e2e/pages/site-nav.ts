import { expect, type Page } from "@playwright/test";

/**
 * The header's main navigation (components/ui/site-header.tsx). On a phone most of its links sit
 * behind the Menu button; `link` opens the menu first when the button is shown, so a spec reads
 * the same on a phone and on a projector. "Join a group" and "In an emergency" are always in view.
 */
export class SiteNav {
  constructor(private readonly page: Page) {}

  get nav() {
    return this.page.getByRole("navigation", { name: "Main" });
  }

  /** The Menu button: a <summary>, which has no ARIA role of its own to find it by. */
  get menuButton() {
    return this.nav.locator("summary");
  }

  async openMenu() {
    if (!(await this.menuButton.isVisible())) return;
    const open = await this.nav.locator("details").evaluate((d) => (d as HTMLDetailsElement).open);
    if (!open) await this.menuButton.click();
    await expect(this.nav.locator("details")).toHaveAttribute("open", "");
  }

  /** A link of the navigation, shown (the menu opened on a phone). */
  async link(name: string) {
    await this.openMenu();
    return this.nav.getByRole("link", { name, exact: true });
  }
}
