// GET /answers/export: the signed-in learner's own answers as one Markdown file.
import { NextResponse } from "next/server";
import { userRoute } from "@/lib/accounts/route-handler";
import { ownAnswersMarkdown } from "@/lib/answers/own-answers";

export const GET = userRoute({ signIn: "Sign in to download your answers." }, async ({ user }) => {
  const markdown = await ownAnswersMarkdown(user);
  return new NextResponse(markdown, {
    headers: {
      "content-type": "text/markdown; charset=utf-8",
      "content-disposition": 'attachment; filename="my-answers.md"',
      "cache-control": "no-store",
    },
  });
});
