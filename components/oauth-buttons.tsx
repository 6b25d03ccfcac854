import { oauthSignInAction } from "@/app/(auth)/actions";
import { oauthProviders } from "@/lib/server/env";

/** GitHub / Google sign-in, shown only for providers configured in the environment. */
export function OAuthButtons({ next }: { next?: string }) {
  const { github, google } = oauthProviders();
  const providers = [github && { id: "github", label: "GitHub" }, google && { id: "google", label: "Google" }].filter(
    (p): p is { id: string; label: string } => Boolean(p),
  );
  if (providers.length === 0) return null;
  return (
    <div className="mt-6 space-y-2">
      <p className="text-center text-sm text-muted">or</p>
      {providers.map((p) => (
        <form key={p.id} action={oauthSignInAction}>
          <input type="hidden" name="provider" value={p.id} />
          <input type="hidden" name="next" value={next ?? ""} />
          <button type="submit" className="btn w-full">
            Continue with {p.label}
          </button>
        </form>
      ))}
    </div>
  );
}
