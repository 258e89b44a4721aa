import {
  Body1,
  Button,
  Dropdown,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  Option,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { Language, useMessages } from "../i18n";
import { useOperation } from "../operation";
import { CalendarDate } from "../../app";
import type { PlanSettings, WorkbookServices } from "../../app";
import { dateProblem, dateText, endProblem, periodOf, periodProblem } from "./dates";
import { readRate } from "./Lisa2Panel";
import { usePanelStyles } from "./styles";

export interface SettingsPanelProps {
  services: WorkbookServices | null;
  language: Language;
  onLanguageChange(language: Language): void;
  /** Changes when the workbook was rewritten (an import), so the settings are read again. */
  workbookVersion: number;
  visible: boolean;
  /** Where the Excel self-test is; the link is shown only with it. */
  selfTestHref?: string;
}

/** The form's text, as typed: dates dd.mm.yyyy, the rate in per cent. */
interface SettingsForm {
  directiveNumber: string;
  directiveDate: string;
  planStart: string;
  planEnd: string;
  rate: string;
  partnerships: Array<{ name: string; start: string; end: string }>;
}

function toForm(settings: PlanSettings): SettingsForm {
  return {
    directiveNumber: settings.directiveNumber ?? "",
    directiveDate: dateText(settings.directiveDate),
    planStart: dateText(settings.planPeriod?.start),
    planEnd: dateText(settings.planPeriod?.end),
    rate: settings.indirectRatePercent ? settings.indirectRatePercent.toString().replace(".", ",") : "",
    partnerships: settings.partnerships.map(({ name, period }) => ({
      name,
      start: dateText(period?.start),
      end: dateText(period?.end),
    })),
  };
}

/** The settings from the form, or null when a field is invalid. */
function fromForm(form: SettingsForm): PlanSettings | null {
  const planPeriod = periodOf(form.planStart, form.planEnd);
  const rate = readRate(form.rate);
  const directiveDate = form.directiveDate.trim() === "" ? null : CalendarDate.parseEstonian(form.directiveDate);
  const partnerships = form.partnerships.map(({ name, start, end }) => ({ name, period: periodOf(start, end) }));
  if (planPeriod === undefined || rate === undefined || directiveDate === undefined) return null;
  if (form.directiveDate.trim() !== "" && !directiveDate) return null;
  if (partnerships.some(({ period }) => period === undefined)) return null;
  return {
    directiveNumber: form.directiveNumber.trim() === "" ? null : form.directiveNumber.trim(),
    directiveDate,
    planPeriod,
    indirectRatePercent: rate,
    partnerships: partnerships.map(({ name, period }) => ({ name, period: period ?? null })),
  };
}

export function SettingsPanel({
  services,
  language,
  onLanguageChange,
  workbookVersion,
  visible,
  selfTestHref,
}: SettingsPanelProps) {
  const styles = usePanelStyles();
  const t = useMessages();
  const { busy, run } = useOperation();
  const [form, setForm] = useState<SettingsForm | null>(null);
  const [loadedVersion, setLoadedVersion] = useState<number | null>(null);
  const [saved, setSaved] = useState(false);

  /** `automatic`: read because the tab was shown, not clicked; an earlier failure's message then stays. */
  const load = async (automatic = false) => {
    if (!services) return;
    const settings = await run(t.loadingSettings, () => services.readSettings(), { keepError: automatic });
    setLoadedVersion(workbookVersion);
    if (settings) {
      setForm(toForm(settings));
      setSaved(false);
    }
  };

  // Read when first shown and after an import; not while another operation runs (it would be refused).
  useEffect(() => {
    if (visible && services && busy === null && loadedVersion !== workbookVersion) void load(true);
  }, [visible, services, workbookVersion, busy]);

  const settings = form ? fromForm(form) : null;
  const save = async () => {
    if (!services || !settings) return;
    const done = await run(t.savingSettings, async () => {
      await services.writeSettings(settings);
      return true;
    });
    if (done) setSaved(true);
  };
  const update = (change: Partial<SettingsForm>) => {
    setSaved(false);
    setForm((current) => (current ? { ...current, ...change } : current));
  };
  const dateField = (label: string, key: "directiveDate" | "planStart" | "planEnd", problem: string | null) => (
    <Field label={label} validationState={problem ? "error" : "none"} validationMessage={problem ?? undefined}>
      <Input value={form?.[key] ?? ""} onChange={(_, data) => update({ [key]: data.value })} placeholder="pp.kk.aaaa" />
    </Field>
  );

  return (
    <div className={styles.panel}>
      <Field label={t.languageLabel}>
        <Dropdown
          value={t.languageNames[language]}
          selectedOptions={[language]}
          onOptionSelect={(_, data) => data.optionValue && onLanguageChange(data.optionValue as Language)}
        >
          {(["et", "en"] as const).map((option) => (
            <Option key={option} value={option}>
              {t.languageNames[option]}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Body1>{t.settingsLead}</Body1>
      <div className={styles.actions}>
        <Button onClick={() => void load()} disabled={!services || busy !== null}>
          {t.loadSettings}
        </Button>
      </div>
      {form && (
        <>
          <Field label={t.directiveNumber}>
            <Input value={form.directiveNumber} onChange={(_, data) => update({ directiveNumber: data.value })} />
          </Field>
          {dateField(t.directiveDate, "directiveDate", dateProblem(form.directiveDate, t))}
          {dateField(t.planStart, "planStart", dateProblem(form.planStart, t))}
          {dateField(t.planEnd, "planEnd", endProblem(form.planStart, form.planEnd, t))}
          <Field
            label={t.rateLabel}
            hint={t.rateHint}
            validationState={readRate(form.rate) === undefined ? "error" : "none"}
            validationMessage={readRate(form.rate) === undefined ? t.rateInvalid : undefined}
          >
            <Input
              value={form.rate}
              onChange={(_, data) => update({ rate: data.value })}
              inputMode="decimal"
              placeholder={t.rateEmpty}
            />
          </Field>
          <Subtitle2 as="h2">{t.partnershipsTitle}</Subtitle2>
          <Table size="small" aria-label={t.partnershipsTitle} className={styles.fixedTable}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={styles.nameColumn}>{t.partnerColumn}</TableHeaderCell>
                <TableHeaderCell className={styles.dateColumn}>{t.startColumn}</TableHeaderCell>
                <TableHeaderCell className={styles.dateColumn}>{t.endColumn}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {form.partnerships.map((row, index) => {
                const problem = periodProblem(row.start, row.end, t);
                const set = (change: Partial<typeof row>) =>
                  update({
                    partnerships: form.partnerships.map((other, at) =>
                      at === index ? { ...other, ...change } : other,
                    ),
                  });
                return (
                  <TableRow key={row.name}>
                    <TableCell className={styles.wrapping} title={row.name}>
                      {row.name}
                    </TableCell>
                    <TableCell className={styles.dateCell}>
                      <Input
                        size="small"
                        className={styles.fill}
                        value={row.start}
                        aria-label={`${row.name}: ${t.startColumn}`}
                        aria-invalid={problem !== null}
                        onChange={(_, data) => set({ start: data.value })}
                      />
                    </TableCell>
                    <TableCell className={styles.dateCell}>
                      <Input
                        size="small"
                        className={styles.fill}
                        value={row.end}
                        aria-label={`${row.name}: ${t.endColumn}`}
                        aria-invalid={problem !== null}
                        title={problem ?? undefined}
                        onChange={(_, data) => set({ end: data.value })}
                      />
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
          <div className={styles.actions}>
            <Button appearance="primary" onClick={() => void save()} disabled={!services || busy !== null || !settings}>
              {t.saveSettings}
            </Button>
          </div>
          {saved && (
            <MessageBar intent="success">
              <MessageBarBody>{t.settingsSaved}</MessageBarBody>
            </MessageBar>
          )}
        </>
      )}
      {selfTestHref && (
        <Body1>
          <Link href={selfTestHref}>{t.selfTestLink}</Link> {t.selfTestHint}
        </Body1>
      )}
    </div>
  );
}
