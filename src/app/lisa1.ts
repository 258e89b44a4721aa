import { ActionPlan } from "../model/plan";

/** Lisa 1's schedule and indicator tables as a Word document in the directive's layout; docx loads on first use. */
export async function lisa1DocxBytes(plan: ActionPlan): Promise<Uint8Array> {
  const { lisa1DocxBytes: render } = await import(/* webpackChunkName: "docx" */ "../annex/lisa1/docx");
  return render(plan);
}
