// "Impostazioni": the SMVP policy, saved in the workbook through the host. Laid out for the
// real task pane (320 px wide): one column, pairs of short fields at most, nothing wider.
import * as React from "react";
import { useEffect, useState } from "react";
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Spinner,
  Switch,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { defaultPolicy, type Policy } from "../../core/policy";
import type { WorkbookHost } from "../../host/workbookHost";
import type { Runner } from "../useRunner";
import { ui } from "../../messages/ui";
import { formFromPolicy, policyFromForm, type BandForm, type FormErrors, type LateBandForm, type PolicyForm } from "../policyForm";
import { FailureMessage, OperationStatus } from "./OperationStatus";
import { DiagnosticsPanel } from "./DiagnosticsPanel";
import { usePanelStyles } from "./panelStyles";

const S = ui.settings;

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM, minWidth: 0 },
  fieldset: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingVerticalS,
    margin: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  band: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    minWidth: 0,
  },
  bandTitle: { fontWeight: tokens.fontWeightSemibold },
  // Two short fields side by side; each may shrink below its content's width.
  pair: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", columnGap: tokens.spacingHorizontalS, alignItems: "start" },
  input: { minWidth: 0, width: "100%" },
  remove: { alignSelf: "flex-start" },
});

type Set = <K extends keyof PolicyForm>(key: K, value: PolicyForm[K]) => void;
type Err = (field: string) => { validationMessage?: string; validationState?: "error" };

/** A list of bands: the policy's own (set "") or a named set's. */
function BandList(props: { setName: string; prefix: string; bands: BandForm[]; onChange: (bands: BandForm[]) => void; err: Err }): React.ReactElement {
  const own = useStyles();
  const { setName, prefix, bands, onChange, err } = props;
  const edit = (i: number, patch: Partial<BandForm>) => onChange(bands.map((b, j) => (j === i ? { ...b, ...patch } : b)));
  const label = (i: number, what: Parameters<typeof S.bandLabel>[2]) => S.bandLabel(setName, i + 1, what);
  return (
    <>
      {bands.length === 0 && <Text size={200}>{S.noBands}</Text>}
      {bands.map((b, i) => (
        <div key={i} className={own.band} data-band={`${prefix}.${i}`}>
          <Text size={200} className={own.bandTitle}>
            {S.bandGroup(i + 1)}
          </Text>
          <div className={own.pair}>
            <Field label={S.bandFromShort} {...err(`${prefix}.${i}.from`)}>
              <Input className={own.input} aria-label={label(i, "from")} inputMode="decimal" value={b.from} onChange={(_e, d) => edit(i, { from: d.value })} />
            </Field>
            <Field label={S.bandToShort} hint={S.bandToHint} {...err(`${prefix}.${i}.to`)}>
              <Input className={own.input} aria-label={label(i, "to")} inputMode="decimal" value={b.to} onChange={(_e, d) => edit(i, { to: d.value })} />
            </Field>
          </div>
          <div className={own.pair}>
            <Checkbox label={S.bandFromIncluded} aria-label={label(i, "fromIncluded")} checked={b.fromIncluded !== false} onChange={(_e, d) => edit(i, { fromIncluded: d.checked === true ? undefined : false })} />
            <Checkbox label={S.bandToIncluded} aria-label={label(i, "toIncluded")} checked={b.toIncluded === true} onChange={(_e, d) => edit(i, { toIncluded: d.checked === true ? true : undefined })} />
          </div>
          <div className={own.pair}>
            <Field label={S.bandScoreShort} {...err(`${prefix}.${i}.score`)}>
              <Input className={own.input} aria-label={label(i, "score")} inputMode="decimal" value={b.score} onChange={(_e, d) => edit(i, { score: d.value })} />
            </Field>
            <Field label={S.bandScoreToShort} hint={S.bandScoreToHint} {...err(`${prefix}.${i}.scoreTo`)}>
              <Input className={own.input} aria-label={label(i, "scoreTo")} inputMode="decimal" value={b.scoreTo ?? ""} onChange={(_e, d) => edit(i, { scoreTo: d.value === "" ? undefined : d.value })} />
            </Field>
          </div>
          <Button className={own.remove} size="small" appearance="subtle" onClick={() => onChange(bands.filter((_b, j) => j !== i))}>
            {setName ? S.bandRemoveFrom(setName, i + 1) : S.bandRemove(i + 1)}
          </Button>
        </div>
      ))}
      <Button size="small" onClick={() => onChange([...bands, { from: "", to: "", score: "" }])}>
        {setName ? S.bandAddTo(setName) : S.bandAdd}
      </Button>
    </>
  );
}

function LateBandList(props: { bands: LateBandForm[]; onChange: (bands: LateBandForm[]) => void; err: Err }): React.ReactElement {
  const own = useStyles();
  const { bands, onChange, err } = props;
  const edit = (i: number, patch: Partial<LateBandForm>) => onChange(bands.map((b, j) => (j === i ? { ...b, ...patch } : b)));
  return (
    <>
      {bands.map((b, i) => (
        <div key={i} className={own.band}>
          <Text size={200} className={own.bandTitle}>
            {S.lateGroup(i + 1)}
          </Text>
          <div className={own.pair}>
            <Field label={S.lateFrom} {...err(`late.${i}.from`)}>
              <Input className={own.input} aria-label={`${S.lateGroup(i + 1)}: ${S.lateFrom}`} inputMode="numeric" value={b.from} onChange={(_e, d) => edit(i, { from: d.value })} />
            </Field>
            <Field label={S.lateTo} hint={S.lateToHint} {...err(`late.${i}.to`)}>
              <Input className={own.input} aria-label={`${S.lateGroup(i + 1)}: ${S.lateTo}`} inputMode="numeric" value={b.to} onChange={(_e, d) => edit(i, { to: d.value })} />
            </Field>
          </div>
          <Field label={S.lateScore} {...err(`late.${i}.score`)}>
            <Input className={own.input} aria-label={`${S.lateGroup(i + 1)}: ${S.lateScore}`} inputMode="decimal" value={b.score} onChange={(_e, d) => edit(i, { score: d.value })} />
          </Field>
          <Button className={own.remove} size="small" appearance="subtle" onClick={() => onChange(bands.filter((_b, j) => j !== i))}>
            {S.lateRemove(i + 1)}
          </Button>
        </div>
      ))}
      <Button size="small" onClick={() => onChange([...bands, { from: "", to: "", score: "" }])}>
        {S.lateAdd}
      </Button>
    </>
  );
}

function ResetConfirm(props: { open: boolean; onAnswer: (yes: boolean) => void }): React.ReactElement {
  return (
    <Dialog open={props.open} modalType="alert" onOpenChange={(_e, d) => !d.open && props.onAnswer(false)}>
      <DialogSurface aria-describedby="piano-reset-body">
        <DialogBody>
          <DialogTitle>{S.resetConfirmTitle}</DialogTitle>
          <DialogContent id="piano-reset-body">{S.resetConfirmBody}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => props.onAnswer(true)}>
              {S.resetConfirm}
            </Button>
            <Button appearance="secondary" onClick={() => props.onAnswer(false)}>
              {S.resetCancel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

export function SettingsPanel(props: {
  host: WorkbookHost;
  runner: Runner;
  onSaved: (policy: Policy) => void;
}): React.ReactElement {
  const { host, runner, onSaved } = props;
  const styles = usePanelStyles();
  const own = useStyles();
  const [form, setForm] = useState<PolicyForm | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [errors, setErrors] = useState<FormErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirmReset, setConfirmReset] = useState(false);

  useEffect(() => {
    let live = true;
    host.loadPolicy().then(
      (p) => live && setForm(formFromPolicy(p)),
      (e: unknown) => {
        if (!live) return;
        setLoadError(e);
        setForm(formFromPolicy(defaultPolicy()));
      },
    );
    return () => {
      live = false;
    };
  }, [host]);

  if (!form) {
    return (
      <div className={styles.panel}>
        <h2 className={styles.heading}>{S.heading}</h2>
        <Spinner size="small" label={S.loadingPolicy} />
      </div>
    );
  }

  const set: Set = (key, value) => {
    setForm({ ...form, [key]: value });
    setNotice(null);
  };
  const err: Err = (field) => (errors[field] ? { validationMessage: errors[field], validationState: "error" as const } : {});

  const save = async (next: PolicyForm, done: string) => {
    const checked = policyFromForm(next);
    if (!checked.ok) {
      setErrors(checked.errors);
      setGeneral(checked.general);
      setNotice(null);
      return;
    }
    setErrors({});
    setGeneral([]);
    const r = await runner.run("settings", () => host.savePolicy(checked.policy));
    if (r) {
      setLoadError(null);
      setNotice(done);
      onSaved(checked.policy);
    }
  };

  const reset = (yes: boolean) => {
    setConfirmReset(false);
    if (!yes) return;
    const f = formFromPolicy(defaultPolicy());
    setForm(f);
    void save(f, S.resetDone);
  };

  const busy = runner.busy !== null;
  const invalid = Object.keys(errors).length > 0 || general.length > 0;
  return (
    <div className={styles.panel}>
      <h2 className={styles.heading}>{S.heading}</h2>
      <Text className={styles.intro}>{S.intro}</Text>
      {loadError !== null && <FailureMessage kind="loadSettings" error={loadError} />}
      <form
        className={own.form}
        onSubmit={(e) => {
          e.preventDefault();
          void save(form, S.saved);
        }}
        noValidate
      >
        <fieldset className={own.fieldset}>
          <legend className={own.legend}>{S.capsLegend}</legend>
          <Field label={S.cap} hint={S.capHint} {...err("cap")}>
            <Input className={own.input} inputMode="decimal" value={form.cap} disabled={form.noCap} onChange={(_e, d) => set("cap", d.value)} />
          </Field>
          <Checkbox label={S.noCap} checked={form.noCap} onChange={(_e, d) => set("noCap", d.checked === true)} />
          <Field label={S.objectiveCap} {...err("objectiveCap")}>
            <Input className={own.input} inputMode="decimal" value={form.objectiveCap} disabled={form.noObjectiveCap} onChange={(_e, d) => set("objectiveCap", d.value)} />
          </Field>
          <Checkbox label={S.noObjectiveCap} checked={form.noObjectiveCap} onChange={(_e, d) => set("noObjectiveCap", d.checked === true)} />
        </fieldset>

        <Field label={S.lower}>
          <RadioGroup value={form.lower} onChange={(_e, d) => set("lower", d.value as PolicyForm["lower"])}>
            <Radio value="inverse" label={S.lowerInverse} />
            <Radio value="reflection" label={S.lowerReflection} />
          </RadioGroup>
        </Field>

        <Field label={S.floor} hint={S.floorHint} {...err("floor")}>
          <Input className={own.input} inputMode="decimal" value={form.floor} onChange={(_e, d) => set("floor", d.value)} />
        </Field>

        <fieldset className={own.fieldset}>
          <legend className={own.legend}>{S.bands}</legend>
          <Text size={200}>{S.bandsGlobalHint}</Text>
          <BandList setName="" prefix="bands" bands={form.bands} onChange={(b) => set("bands", b)} err={err} />
        </fieldset>

        <fieldset className={own.fieldset}>
          <legend className={own.legend}>{S.bandSets}</legend>
          <Text size={200}>{S.bandSetsHint}</Text>
          {form.bandSets.map((s, k) => (
            <fieldset key={k} className={own.fieldset}>
              <legend className={own.legend}>{S.bandSetGroup(s.name)}</legend>
              <Field label={S.bandSetName(k + 1)} {...err(`sets.${k}.name`)}>
                <Input className={own.input} value={s.name} onChange={(_e, d) => set("bandSets", form.bandSets.map((x, j) => (j === k ? { ...x, name: d.value } : x)))} />
              </Field>
              <BandList
                setName={s.name || String(k + 1)}
                prefix={`sets.${k}.bands`}
                bands={s.bands}
                onChange={(b) => set("bandSets", form.bandSets.map((x, j) => (j === k ? { ...x, bands: b } : x)))}
                err={err}
              />
              <Button className={own.remove} size="small" appearance="subtle" onClick={() => set("bandSets", form.bandSets.filter((_x, j) => j !== k))}>
                {S.bandSetRemove(s.name)}
              </Button>
            </fieldset>
          ))}
          <Button size="small" onClick={() => set("bandSets", [...form.bandSets, { name: "", bands: [] }])}>
            {S.bandSetAdd}
          </Button>
        </fieldset>

        <Switch label={S.rounding} checked={form.round} onChange={(_e, d) => set("round", d.checked)} />
        <Switch label={S.roundFirst} checked={form.roundFirst} disabled={!form.round} onChange={(_e, d) => set("roundFirst", d.checked)} />

        <Field label={S.thresholdTop} hint={S.thresholdTopHint} {...err("thresholdTop")}>
          <Input className={own.input} inputMode="decimal" value={form.thresholdTop} onChange={(_e, d) => set("thresholdTop", d.value)} />
        </Field>

        <Field label={S.dateRule}>
          <RadioGroup value={form.dateRule} onChange={(_e, d) => set("dateRule", d.value as PolicyForm["dateRule"])}>
            <Radio value="proportional" label={S.dateProportional} />
            <Radio value="zeroIfLate" label={S.dateZeroIfLate} />
            <Radio value="daysLate" label={S.dateDaysLate} />
          </RadioGroup>
        </Field>

        <fieldset className={own.fieldset}>
          <legend className={own.legend}>{S.lateBands}</legend>
          <Text size={200}>{S.lateBandsHint}</Text>
          <LateBandList bands={form.lateBands} onChange={(b) => set("lateBands", b)} err={err} />
          <Field label={S.lateDailyReduction} {...err("lateDailyReduction")}>
            <Input className={own.input} inputMode="decimal" value={form.lateDailyReduction} onChange={(_e, d) => set("lateDailyReduction", d.value)} />
          </Field>
        </fieldset>

        <Field label={S.notAvailable}>
          <RadioGroup value={form.notAvailable} onChange={(_e, d) => set("notAvailable", d.value as PolicyForm["notAvailable"])}>
            <Radio value="exclude" label={S.naExclude} />
            <Radio value="zero" label={S.naZero} />
          </RadioGroup>
        </Field>

        <Field label={S.blankActual}>
          <RadioGroup value={form.blankActual} onChange={(_e, d) => set("blankActual", d.value as PolicyForm["blankActual"])}>
            <Radio value="exclude" label={S.blankExclude} />
            <Radio value="zero" label={S.blankZero} />
            <Radio value="zeroScore" label={S.blankZeroScore} />
            <Radio value="error" label={S.blankError} />
          </RadioGroup>
        </Field>

        {/* The two traffic-light fields one under the other: side by side their labels do not fit 320 px. */}
        <Field label={S.green} {...err("green")}>
          <Input className={own.input} inputMode="decimal" value={form.green} onChange={(_e, d) => set("green", d.value)} />
        </Field>
        <Field label={S.yellow} {...err("yellow")}>
          <Input className={own.input} inputMode="decimal" value={form.yellow} onChange={(_e, d) => set("yellow", d.value)} />
        </Field>

        <Field label={S.rollupMean}>
          <RadioGroup value={form.rollupMean} onChange={(_e, d) => set("rollupMean", d.value as PolicyForm["rollupMean"])}>
            <Radio value="simple" label={S.rollupSimple} />
            <Radio value="resources" label={S.rollupResources} />
            <Radio value="objectiveWeight" label={S.rollupObjectiveWeight} />
            <Radio value="worst" label={S.rollupWorst} />
          </RadioGroup>
        </Field>

        <Field label={S.tolerance} hint={S.toleranceHint} {...err("tolerance")}>
          <Input className={own.input} inputMode="decimal" value={form.tolerance} onChange={(_e, d) => set("tolerance", d.value)} />
        </Field>

        {invalid && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody className={styles.body}>
              {S.invalid}
              {general.map((g) => (
                <div key={g}>{g}</div>
              ))}
            </MessageBarBody>
          </MessageBar>
        )}
        <OperationStatus runner={runner} kinds={["settings"]} />
        {notice && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody className={styles.body}>{notice}</MessageBarBody>
          </MessageBar>
        )}
        <div className={styles.actions}>
          <Button appearance="primary" type="submit" disabled={busy}>
            {S.save}
          </Button>
          <Button appearance="secondary" onClick={() => setConfirmReset(true)} disabled={busy}>
            {S.reset}
          </Button>
        </div>
      </form>
      <ResetConfirm open={confirmReset} onAnswer={reset} />
      <DiagnosticsPanel host={host} disabled={busy} />
    </div>
  );
}
