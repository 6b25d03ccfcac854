// /favicon.ico: browsers and bookmark tools still ask for it whatever the page's <link rel="icon">
// says. Served as a 32 px PNG of the app icon, which every current browser accepts at this path.
import { appIcon } from "@/lib/app-icon";

export const dynamic = "force-static";

export function GET() {
  return appIcon(32);
}
