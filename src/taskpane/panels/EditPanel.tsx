import {
  Body1,
  Button,
  Checkbox,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  mergeClasses,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState } from "react";
import {
  formatMoneyEstonian,
  parseMoney,
  periodContains,
  type Edit,
  type EditPreview,
  type EditableImplementer,
  type EditableRow,
  type Money,
  type Period,
  type WorkbookServices,
} from "../../app";
import { type Messages, useMessages } from "../i18n";
import { type PeriodText, dateProblem, endProblem, periodOf, periodText } from "./dates";
import { useOperation } from "../operation";
import { usePanelStyles } from "./styles";

const useStyles = makeStyles({
  // Codes and labels are long; at Excel's narrowest pane they wrap rather than widen it.
  wrap: { overflowWrap: "anywhere", minWidth: 0 },
  full: { width: "100%", minWidth: 0 },
  locks: { display: "flex", flexDirection: "column" },
  // A period's start and end side by side, sharing the pane's width: at 320 px each is about 140 px, room for
  // dd.mm.yyyy; a label or message too long for its half wraps.
  pair: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", columnGap: tokens.spacingHorizontalS },
});

const shownPeriod = (period: Period): string => `${period.start.toEstonian()}–${period.end.toEstonian()}`;

/**
 * What to say of a new row's plan period that is a period: nothing inside the plan year and its frame; outside them
 * the row may still be added (the command line takes it too, and an amendment may be under way) but the check will
 * flag it, so the officer hears it before writing.
 */
function planWarning(plan: Period | null, frame: Period | null, year: Period | null, t: Messages): string | null {
  if (!plan) return null;
  if (year && !periodContains(year, plan)) return t.editPlanOutsideYear(shownPeriod(year));
  if (frame && !periodContains(frame, plan)) return t.editPlanOutsideFrame(shownPeriod(frame));
  return null;
}

type Kind = Edit["kind"];

/** The implementers as a list's options, by name. */
function ImplementerOptions({ implementers }: { implementers: readonly EditableImplementer[] }) {
  return (
    <>
      {implementers.map((each) => (
        <option key={each.name} value={each.name}>
          {each.name}
        </option>
      ))}
    </>
  );
}

/** A schedule's coded rows as a list's options: the code and its amount (the label is shown below the list). */
function RowOptions({ rows }: { rows: readonly EditableRow[] }) {
  return (
    <>
      {rows.map((row) => (
        <option key={row.code} value={row.code}>
          {`${row.code} — ${row.amount ? formatMoneyEstonian(row.amount) : "–"}`}
        </option>
      ))}
    </>
  );
}

/**
 * Editing the budget: spread a new total over a row's items, move money from one row to another, add a row under
 * another or remove one with its items. The row comes from Excel's selection or is chosen here; the change is shown
 * row by row, before → after, and written only when the officer applies it — all of it or nothing, since Excel keeps
 * no undo for an add-in's changes. Renumbering the rows after a removed one is offered, never done unasked.
 */
export function EditPanel({
  services,
  workbookVersion,
  visible,
}: {
  services: WorkbookServices | null;
  workbookVersion: number;
  /** Whether the panel is shown: rows gone stale are read again only then. */
  visible: boolean;
}) {
  const styles = usePanelStyles();
  const own = useStyles();
  const t = useMessages();
  const { busy, run } = useOperation();
  const [implementers, setImplementers] = useState<EditableImplementer[] | null>(null);
  const [kind, setKind] = useState<Kind>("spread");
  const [implementer, setImplementer] = useState("");
  const [code, setCode] = useState("");
  const [amountText, setAmountText] = useState("");
  const [mode, setMode] = useState<"proportional" | "equal">("proportional");
  const [locked, setLocked] = useState<ReadonlySet<string>>(new Set());
  const [toImplementer, setToImplementer] = useState("");
  const [toCode, setToCode] = useState("");
  const [preview, setPreview] = useState<EditPreview | null>(null);
  const [applied, setApplied] = useState<{ rows: number; code: string | null; annex: string[] } | null>(null);
  const [label, setLabel] = useState("");
  const [responsible, setResponsible] = useState<string | null>(null);
  // A new row's periods as typed; null until the officer types, and meanwhile the chosen row's defaults are shown.
  const [frameTyped, setFrameTyped] = useState<PeriodText | null>(null);
  const [planTyped, setPlanTyped] = useState<PeriodText | null>(null);
  const [renumber, setRenumber] = useState(false);
  const [notOnRow, setNotOnRow] = useState(false);

  // After any change to the workbook (this panel's own edit included) the rows read are stale: they are read again
  // once the panel is shown and nothing else runs, keeping the officer's choices, so the next edit starts from the
  // amounts as they now are. A preview worked out on the old amounts is dropped.
  const [stale, setStale] = useState(false);
  const seenVersion = useRef(workbookVersion);
  useEffect(() => {
    if (seenVersion.current === workbookVersion) return;
    seenVersion.current = workbookVersion;
    setPreview(null);
    setStale(true);
  }, [workbookVersion]);
  useEffect(() => {
    if (!stale || !visible || busy !== null || !services) return;
    setStale(false);
    if (implementers === null) return;
    // `busy` is null only once the last operation has let go, so this run is not refused; a failure is shown.
    void run(t.editReading, () => services.editableRows(), { keepError: true }).then((read) => {
      if (read) setImplementers(read);
    });
  }, [stale, visible, busy, services, implementers, run, t.editReading]);

  const rowsOf = (name: string) => implementers?.find((each) => each.name === name)?.rows ?? [];
  const chosenRow = useMemo(
    () => implementers?.find((each) => each.name === implementer)?.rows.find((row) => row.code === code) ?? null,
    [implementers, implementer, code],
  );
  const amount: Money | null = amountText.trim() === "" ? null : parseMoney(amountText);
  const amountInvalid = amountText.trim() !== "" && amount === null;
  const frameText = frameTyped ?? periodText(chosenRow?.addDefaults.frame);
  const planText = planTyped ?? periodText(chosenRow?.addDefaults.plan);
  const frame = periodOf(frameText.start, frameText.end);
  const planPeriod = periodOf(planText.start, planText.end);
  const planNote =
    planPeriod === undefined ? null : planWarning(planPeriod, frame ?? null, chosenRow?.addDefaults.plan ?? null, t);

  const load = async (): Promise<EditableImplementer[] | null> => {
    if (!services) return null;
    const read = await run(t.editReading, () => services.editableRows());
    if (!read) return null;
    setImplementers(read);
    if (!read.some((each) => each.name === implementer) && read[0]) choose(read[0].name, read[0].rows[0]?.code ?? "");
    return read;
  };

  const choose = (name: string, rowCode: string) => {
    setImplementer(name);
    setCode(rowCode);
    setLocked(new Set());
    setPreview(null);
    setApplied(null);
    setResponsible(null);
    setFrameTyped(null);
    setPlanTyped(null);
    if (!toImplementer) setToImplementer(name);
  };

  const takeSelection = async () => {
    if (!services) return;
    const list = implementers ?? (await load());
    if (!list) return;
    const found = await run(t.editReadingSelection, () => services.selectedRow(list));
    if (found === undefined) return;
    setNotOnRow(found === null);
    if (found) choose(found.implementer, found.code);
  };

  const edit = (): Edit | null => {
    if (!implementer || !code) return null;
    if (kind === "remove") return { kind, implementer, code, renumber };
    if (!amount) return null;
    if (kind === "add") {
      if (!label.trim() || frame === undefined || planPeriod === undefined) return null;
      const who = responsible === null ? {} : { responsible: responsible.trim() || null };
      return { kind, implementer, under: code, label: label.trim(), amount, frame, plan: planPeriod, ...who };
    }
    if (kind === "spread") return { kind, implementer, code, total: amount, mode, locked: [...locked] };
    if (!toCode) return null;
    return { kind, implementer, from: code, to: toCode, amount, toImplementer: toImplementer || implementer };
  };

  const showPreview = async () => {
    const wanted = edit();
    if (!services || !wanted) return;
    setApplied(null);
    const result = await run(t.editPreviewing, () => services.previewEdit(wanted));
    setPreview(result ?? null);
  };

  const apply = async () => {
    if (!services || !preview) return;
    const done = await run(t.editApplying, () => services.applyEdit(preview));
    if (done) {
      setApplied({ rows: preview.changes.length, code: preview.code, annex: done.annexSheets });
      setPreview(null);
      if (preview.edit.kind === "add") {
        setLabel("");
        setFrameTyped(null);
        setPlanTyped(null);
      }
    }
  };

  const disabled = !services || busy !== null;
  const items = chosenRow?.items ?? [];
  const typeFrame = (change: Partial<PeriodText>) => {
    setFrameTyped({ ...frameText, ...change });
    setPreview(null);
  };
  const typePlan = (change: Partial<PeriodText>) => {
    setPlanTyped({ ...planText, ...change });
    setPreview(null);
  };
  /** One end of a new row's period: an error blocks the preview; a warning only tells what the check will say. */
  const dateField = (
    name: string,
    value: string,
    problem: string | null,
    warning: string | null,
    change: (text: string) => void,
  ) => (
    <Field
      label={name}
      className={own.wrap}
      validationState={problem ? "error" : warning ? "warning" : "none"}
      validationMessage={problem ?? warning ?? undefined}
    >
      <Input
        className={styles.fill}
        value={value}
        placeholder="pp.kk.aaaa"
        onChange={(_, data) => change(data.value)}
      />
    </Field>
  );
  /** A new row's period, its start and end side by side; a warning stands under the end. */
  const periodFields = (
    startLabel: string,
    endLabel: string,
    text: PeriodText,
    type: (change: Partial<PeriodText>) => void,
    warning: string | null,
  ) => (
    <div className={own.pair}>
      {dateField(startLabel, text.start, dateProblem(text.start, t), null, (start) => type({ start }))}
      {dateField(endLabel, text.end, endProblem(text.start, text.end, t), warning, (end) => type({ end }))}
    </div>
  );

  return (
    <div className={styles.panel}>
      <Body1>{t.editLead}</Body1>
      <div className={styles.actions}>
        <Button onClick={() => void takeSelection()} disabled={disabled}>
          {t.editTakeSelection}
        </Button>
        <Button onClick={() => void load()} disabled={disabled}>
          {implementers ? t.editReadAgain : t.editRead}
        </Button>
      </div>
      {notOnRow && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t.editNotOnRow}</MessageBarBody>
        </MessageBar>
      )}
      {implementers && (
        <>
          <RadioGroup
            value={kind}
            onChange={(_, data) => {
              setKind(data.value as Kind);
              setPreview(null);
            }}
            aria-label={t.editKindLabel}
          >
            <Radio value="spread" label={t.editSpread} />
            <Radio value="move" label={t.editMove} />
            <Radio value="add" label={t.editAdd} />
            <Radio value="remove" label={t.editRemove} />
          </RadioGroup>
          <Field label={t.editImplementer}>
            <Select
              className={own.full}
              value={implementer}
              onChange={(_, data) => choose(data.value, rowsOf(data.value)[0]?.code ?? "")}
            >
              <ImplementerOptions implementers={implementers} />
            </Select>
          </Field>
          <Field label={kind === "move" ? t.editFrom : kind === "add" ? t.editUnder : t.editRow}>
            <Select
              className={own.full}
              value={code}
              onChange={(_, data) => {
                setCode(data.value);
                setLocked(new Set());
                setPreview(null);
              }}
            >
              <RowOptions rows={rowsOf(implementer)} />
            </Select>
          </Field>
          {chosenRow && <Body1 className={mergeClasses(own.wrap, styles.hint)}>{chosenRow.label}</Body1>}
          {kind === "add" && (
            <Field label={t.editLabel} required>
              <Input
                value={label}
                onChange={(_, data) => {
                  setLabel(data.value);
                  setPreview(null);
                }}
              />
            </Field>
          )}
          {kind !== "remove" && (
            <Field
              label={kind === "spread" ? t.editNewTotal : kind === "add" ? t.editNewAmount : t.editAmount}
              validationState={amountInvalid ? "error" : "none"}
              validationMessage={amountInvalid ? t.editAmountInvalid : undefined}
            >
              <Input
                value={amountText}
                inputMode="decimal"
                onChange={(_, data) => {
                  setAmountText(data.value);
                  setPreview(null);
                }}
              />
            </Field>
          )}
          {kind === "add" && (
            <>
              <Field label={t.editResponsible}>
                <Input
                  value={responsible ?? implementer}
                  onChange={(_, data) => {
                    setResponsible(data.value);
                    setPreview(null);
                  }}
                />
              </Field>
              <Body1 className={mergeClasses(own.wrap, styles.hint)}>{t.editAddDefaults}</Body1>
              {periodFields(t.editFrameStart, t.editFrameEnd, frameText, typeFrame, null)}
              {periodFields(t.editPlanStart, t.editPlanEnd, planText, typePlan, planNote)}
            </>
          )}
          {kind === "remove" && (
            <Checkbox
              label={t.editRenumber}
              checked={renumber}
              onChange={(_, data) => {
                setRenumber(data.checked === true);
                setPreview(null);
              }}
            />
          )}
          {kind === "spread" && (
            <>
              <RadioGroup
                value={mode}
                onChange={(_, data) => {
                  setMode(data.value as "proportional" | "equal");
                  setPreview(null);
                }}
                aria-label={t.editModeLabel}
              >
                <Radio value="proportional" label={t.editProportional} />
                <Radio value="equal" label={t.editEqual} />
              </RadioGroup>
              {items.length > 0 && (
                <fieldset className={own.locks}>
                  <legend>{t.editLocks}</legend>
                  {items.map((item) => (
                    <Checkbox
                      key={item}
                      label={item}
                      checked={locked.has(item)}
                      onChange={(_, data) => {
                        const next = new Set(locked);
                        if (data.checked) next.add(item);
                        else next.delete(item);
                        setLocked(next);
                        setPreview(null);
                      }}
                    />
                  ))}
                </fieldset>
              )}
            </>
          )}
          {kind === "move" && (
            <>
              <Field label={t.editToImplementer}>
                <Select
                  className={own.full}
                  value={toImplementer || implementer}
                  onChange={(_, data) => {
                    setToImplementer(data.value);
                    setToCode("");
                    setPreview(null);
                  }}
                >
                  <ImplementerOptions implementers={implementers} />
                </Select>
              </Field>
              <Field label={t.editTo}>
                <Select
                  className={own.full}
                  value={toCode}
                  onChange={(_, data) => {
                    setToCode(data.value);
                    setPreview(null);
                  }}
                >
                  <option value="">{t.editChooseRow}</option>
                  <RowOptions rows={rowsOf(toImplementer || implementer)} />
                </Select>
              </Field>
            </>
          )}
          <div className={styles.actions}>
            <Button appearance="primary" onClick={() => void showPreview()} disabled={disabled || edit() === null}>
              {t.editPreview}
            </Button>
          </div>
        </>
      )}
      {preview && (
        <>
          <Table size="small" aria-label={t.editChanges(preview.changes.length)}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t.editRowColumn}</TableHeaderCell>
                <TableHeaderCell className={styles.number}>{t.beforeColumn}</TableHeaderCell>
                <TableHeaderCell className={styles.number}>{t.editAfterColumn}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {preview.changes.map((change) => (
                <TableRow key={`${change.implementer}|${change.kind}|${change.codeBefore}|${change.code}`}>
                  <TableCell className={own.wrap} title={`${change.implementer}: ${change.label}`}>
                    {preview.totals.length > 1 ? `${change.implementer} ${change.code}` : change.code}
                    {change.kind === "added" && ` (${t.editAdded})`}
                    {change.kind === "removed" && ` (${t.editRemoved})`}
                    {change.kind === "renumbered" && ` (${t.editRenumbered(change.codeBefore ?? "")})`}
                  </TableCell>
                  <TableCell className={styles.number}>
                    {change.before ? formatMoneyEstonian(change.before) : "–"}
                  </TableCell>
                  <TableCell className={styles.number}>
                    {change.after ? formatMoneyEstonian(change.after) : "–"}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {preview.totals.map((line) => (
            <Body1 key={line.implementer} className={own.wrap}>
              {t.editTotal(
                line.implementer,
                line.before ? formatMoneyEstonian(line.before) : "–",
                line.after ? formatMoneyEstonian(line.after) : "–",
              )}
            </Body1>
          ))}
          <div className={styles.actions}>
            <Button appearance="primary" onClick={() => void apply()} disabled={disabled}>
              {t.editApply}
            </Button>
            <Button onClick={() => setPreview(null)} disabled={disabled}>
              {t.cancel}
            </Button>
          </div>
        </>
      )}
      {applied !== null && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            {t.editApplied(applied.rows)}
            {applied.code && ` ${t.editAddedRow(applied.code)}`}
            {applied.annex.length > 0 && ` ${t.editAnnexRegenerated(applied.annex.join(", "))}`}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
