import { Button, Dropdown, Field, Input, Option, Subtitle2 } from "@fluentui/react-components";
import { useMessages } from "../../i18n";
import { usePanelStyles } from "../styles";
import type { Owner, SelectionImportFlow } from "./selection-import";

const ROLES: ReadonlyArray<Owner["role"]> = ["partner", "elluviija"];

/** Whose schedule the pasted table is (its name and role), and the button that writes it; a name is required. */
export function OwnerFields({ pasted, disabled }: { pasted: SelectionImportFlow; disabled: boolean }) {
  const styles = usePanelStyles();
  const t = useMessages();
  const { owner, setOwner } = pasted;
  return (
    <>
      <Subtitle2 as="h3">{t.selectionOwner}</Subtitle2>
      <Field label={t.ownerName}>
        <Input value={owner.name} onChange={(_, data) => setOwner({ ...owner, name: data.value })} />
      </Field>
      <Field label={t.ownerRole}>
        <Dropdown
          value={t.roleNames[owner.role]}
          selectedOptions={[owner.role]}
          onOptionSelect={(_, data) =>
            data.optionValue && setOwner({ ...owner, role: data.optionValue as Owner["role"] })
          }
        >
          {ROLES.map((role) => (
            <Option key={role} value={role}>
              {t.roleNames[role]}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <div className={styles.actions}>
        <Button
          appearance="primary"
          onClick={() => void pasted.writeSelection()}
          disabled={disabled || owner.name.trim() === ""}
        >
          {t.writeSelection}
        </Button>
      </div>
    </>
  );
}
