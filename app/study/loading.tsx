import { PageSkeleton } from "@/components/page-chrome";

// Only on pages that never answer 404: a loading boundary streams the page, and a page that has
// started streaming can no longer change its status code (the deck pages must answer a real 404).
export default function Loading() {
  return <PageSkeleton label="Loading your session" />;
}
