import { PageSkeleton } from "@/components/page-chrome";

export default function Loading() {
  return <PageSkeleton label="Loading your history" />;
}
