import { Implementer } from "../../model/plan";
import { Rule } from "../types";
import { displayText, listEn, listEt, nodeName, nodeNameEn } from "../text";

/**
 * A row whose responsible party names another implementer than the schedule's owner: another partner at
 * all, or the implementer (ELVL) without the owner beside it. "ELVL ja Tartu linn" in Tartu's schedule is
 * joint work and fine; generic words ("partnerid", "graafiline disainer") name no one.
 */
export const responsibleMismatch: Rule = {
  meta: {
    id: "responsible-mismatch",
    severity: "warning",
    category: "parties",
    description: {
      et: "Vastutajaks on märgitud teine elluviija või partner kui ajakava omanik",
      en: "A row's responsible party names another implementer than the schedule's owner",
    },
  },
  check({ plan, implementers }, report) {
    const byName = nameIndex(plan.implementers);
    for (const { implementer: owner, tree } of implementers) {
      for (const node of tree.nodes) {
        const row = node.row;
        if (!row.responsible) continue;
        const named = namedImplementers(row.responsible, byName);
        const others = named.filter((implementer) => implementer !== owner);
        if (others.length === 0) continue;
        const otherPartner = others.some((implementer) => implementer.role === "partner");
        if (!otherPartner && named.includes(owner)) continue;
        const names = others.map((implementer) => implementer.name);
        report({
          column: "responsible",
          implementer: owner,
          row,
          message: `Rea ${nodeName(node)} vastutaja „${row.responsible}“ on teine elluviija või partner (${listEt(names)}), mitte selle ajakava omanik (${owner.name}).`,
          messageEn: `The responsible party "${row.responsible}" of row ${nodeNameEn(node)} is another implementer or partner (${listEn(names)}), not the schedule's owner (${owner.name}).`,
          expected: owner.name,
          actual: row.responsible,
        });
      }
    }
  },
};

/** Every implementer by its lower-cased name and aliases. */
export function nameIndex(implementers: Implementer[]): Map<string, Implementer> {
  const index = new Map<string, Implementer>();
  for (const implementer of implementers) {
    for (const name of [implementer.name, ...implementer.aliases]) {
      const key = name.toLocaleLowerCase("et");
      if (!index.has(key)) index.set(key, implementer);
    }
  }
  return index;
}

/** The implementers a responsible-party cell names, by name or alias, party by party. */
export function namedImplementers(cell: string, byName: Map<string, Implementer>): Implementer[] {
  // Invisible direction marks around a name do not make it another name.
  const responsible = displayText(cell);
  // A whole cell may be one name with "ja" in it ("Eesti Linnade ja Valdade Liit").
  const whole = byName.get(responsible.trim().toLocaleLowerCase("et"));
  if (whole) return [whole];
  const named: Implementer[] = [];
  for (const party of responsible.split(/\s*(?:,|;|\/|\s+ja\s+|\s+and\s+)\s*/i)) {
    const implementer = byName.get(party.trim().toLocaleLowerCase("et"));
    if (implementer && !named.includes(implementer)) named.push(implementer);
  }
  return named;
}
