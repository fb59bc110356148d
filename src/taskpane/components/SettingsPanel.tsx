// "Impostazioni": the SMVP policy, saved in the workbook through the host.
import * as React from "react";
import { useEffect, useState } from "react";
import {
  Button,
  Checkbox,
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
import { formFromPolicy, policyFromForm, type FormErrors, type PolicyForm } from "../policyForm";
import { FailureMessage, OperationStatus } from "./OperationStatus";
import { usePanelStyles } from "./panelStyles";

const useStyles = makeStyles({
  form: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
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
    display: "grid",
    gridTemplateColumns: "1fr 1fr 1fr",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "end",
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  bandRemove: { gridColumn: "1 / -1", justifySelf: "start" },
  pair: { display: "grid", gridTemplateColumns: "1fr 1fr", columnGap: tokens.spacingHorizontalS },
});

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
        <h2 className={styles.heading}>{ui.settings.heading}</h2>
        <Spinner size="small" label={ui.settings.loadingPolicy} />
      </div>
    );
  }

  const set = <K extends keyof PolicyForm>(key: K, value: PolicyForm[K]) => {
    setForm({ ...form, [key]: value });
    setNotice(null);
  };
  const setBand = (i: number, key: "from" | "to" | "score", value: string) =>
    set("bands", form.bands.map((b, j) => (j === i ? { ...b, [key]: value } : b)));
  const err = (field: string) => (errors[field] ? { validationMessage: errors[field], validationState: "error" as const } : {});

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

  const reset = () => {
    const f = formFromPolicy(defaultPolicy());
    setForm(f);
    void save(f, ui.settings.resetDone);
  };

  const busy = runner.busy !== null;
  const invalid = Object.keys(errors).length > 0 || general.length > 0;
  return (
    <div className={styles.panel}>
      <h2 className={styles.heading}>{ui.settings.heading}</h2>
      <Text className={styles.intro}>{ui.settings.intro}</Text>
      {loadError !== null && <FailureMessage kind="loadSettings" error={loadError} />}
      <form
        className={own.form}
        onSubmit={(e) => {
          e.preventDefault();
          void save(form, ui.settings.saved);
        }}
        noValidate
      >
        <Field label={ui.settings.cap} hint={ui.settings.capHint} {...err("cap")}>
          <Input inputMode="decimal" value={form.cap} disabled={form.noCap} onChange={(_e, d) => set("cap", d.value)} />
        </Field>
        <Checkbox label={ui.settings.noCap} checked={form.noCap} onChange={(_e, d) => set("noCap", d.checked === true)} />

        <Field label={ui.settings.lower}>
          <RadioGroup value={form.lower} onChange={(_e, d) => set("lower", d.value as PolicyForm["lower"])}>
            <Radio value="inverse" label={ui.settings.lowerInverse} />
            <Radio value="reflection" label={ui.settings.lowerReflection} />
          </RadioGroup>
        </Field>

        <Field label={ui.settings.floor} hint={ui.settings.floorHint} {...err("floor")}>
          <Input inputMode="decimal" value={form.floor} onChange={(_e, d) => set("floor", d.value)} />
        </Field>

        <fieldset className={own.fieldset}>
          <legend className={own.legend}>{ui.settings.bands}</legend>
          <Text size={200}>{ui.settings.bandsHint}</Text>
          {form.bands.length === 0 && <Text size={200}>{ui.settings.noBands}</Text>}
          {form.bands.map((b, i) => (
            <div key={i} className={own.band}>
              <Field label={ui.settings.bandFrom(i + 1)} {...err(`bands.${i}.from`)}>
                <Input inputMode="decimal" value={b.from} onChange={(_e, d) => setBand(i, "from", d.value)} />
              </Field>
              <Field label={ui.settings.bandTo(i + 1)} {...err(`bands.${i}.to`)}>
                <Input inputMode="decimal" value={b.to} placeholder={ui.settings.bandToHint} onChange={(_e, d) => setBand(i, "to", d.value)} />
              </Field>
              <Field label={ui.settings.bandScore(i + 1)} {...err(`bands.${i}.score`)}>
                <Input inputMode="decimal" value={b.score} onChange={(_e, d) => setBand(i, "score", d.value)} />
              </Field>
              <Button
                className={own.bandRemove}
                size="small"
                appearance="subtle"
                onClick={() => set("bands", form.bands.filter((_b, j) => j !== i))}
              >
                {ui.settings.bandRemove(i + 1)}
              </Button>
            </div>
          ))}
          <Button size="small" onClick={() => set("bands", [...form.bands, { from: "", to: "", score: "" }])}>
            {ui.settings.bandAdd}
          </Button>
        </fieldset>

        <Field label={ui.settings.dateRule}>
          <RadioGroup value={form.dateRule} onChange={(_e, d) => set("dateRule", d.value as PolicyForm["dateRule"])}>
            <Radio value="proportional" label={ui.settings.dateProportional} />
            <Radio value="zeroIfLate" label={ui.settings.dateZeroIfLate} />
          </RadioGroup>
        </Field>

        <Field label={ui.settings.notAvailable}>
          <RadioGroup value={form.notAvailable} onChange={(_e, d) => set("notAvailable", d.value as PolicyForm["notAvailable"])}>
            <Radio value="exclude" label={ui.settings.naExclude} />
            <Radio value="zero" label={ui.settings.naZero} />
          </RadioGroup>
        </Field>

        <Switch label={ui.settings.rounding} checked={form.round} onChange={(_e, d) => set("round", d.checked)} />

        <div className={own.pair}>
          <Field label={ui.settings.green} {...err("green")}>
            <Input inputMode="decimal" value={form.green} onChange={(_e, d) => set("green", d.value)} />
          </Field>
          <Field label={ui.settings.yellow} {...err("yellow")}>
            <Input inputMode="decimal" value={form.yellow} onChange={(_e, d) => set("yellow", d.value)} />
          </Field>
        </div>

        <Field label={ui.settings.rollupMean}>
          <RadioGroup value={form.rollupMean} onChange={(_e, d) => set("rollupMean", d.value as PolicyForm["rollupMean"])}>
            <Radio value="simple" label={ui.settings.rollupSimple} />
            <Radio value="resources" label={ui.settings.rollupResources} />
          </RadioGroup>
        </Field>

        <Field label={ui.settings.tolerance} hint={ui.settings.toleranceHint} {...err("tolerance")}>
          <Input inputMode="decimal" value={form.tolerance} onChange={(_e, d) => set("tolerance", d.value)} />
        </Field>

        {invalid && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody className={styles.body}>
              {ui.settings.invalid}
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
            {ui.settings.save}
          </Button>
          <Button appearance="secondary" onClick={reset} disabled={busy}>
            {ui.settings.reset}
          </Button>
        </div>
      </form>
    </div>
  );
}
