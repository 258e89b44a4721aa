import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useMessages } from "../i18n";
import type { DeliveryOutcome } from "../host/delivery";

/**
 * What became of a Word file the pane made, when it was not simply downloaded: opened in the browser, too large
 * for that, or no way out of this host; `otherWays` says where else the officer finds the same content.
 */
export function DeliveryNotice({ delivered, otherWays }: { delivered: DeliveryOutcome | null; otherWays: string }) {
  const t = useMessages();
  if (!delivered || delivered.kind === "downloaded") return null;
  return (
    <MessageBar
      intent={delivered.kind === "browser" ? "info" : "warning"}
      layout="multiline"
      data-testid="docx-delivery"
    >
      <MessageBarBody>
        {delivered.kind === "browser" && t.docxInBrowser(delivered.name)}
        {delivered.kind === "tooLarge" && (
          <>
            {t.docxTooLarge(delivered.urlLength, delivered.limit)} {otherWays}
          </>
        )}
        {delivered.kind === "unavailable" && (
          <>
            {t.docxUnavailable} {otherWays}
          </>
        )}
        {delivered.kind === "failed" && (
          <>
            {t.docxBrowserFailed(delivered.message)} {otherWays}
          </>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
