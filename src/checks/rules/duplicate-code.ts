import { CodeCorrection } from "../../model/hierarchy";
import { Rule } from "../types";
import { euro, euroEn, listEn, listEt, nodeName, nodeNameLabelled, nodeNameLabelledEn, shorten } from "../text";

/** The same code twice in one implementer's schedule, with the code the row evidently should have. */
export const duplicateCode: Rule = {
  meta: {
    id: "duplicate-code",
    severity: "error",
    category: "codes",
    description: {
      et: "Sama kood on ühe elluviija ajakavas mitu korda",
      en: "The same code appears more than once in one implementer's schedule",
    },
  },
  check({ implementers }, report) {
    for (const { implementer, tree } of implementers) {
      for (const correction of tree.corrections) {
        const { node, from, to, duplicateOf, parent, run } = correction;
        const text = messages(correction);
        report({
          column: "code",
          implementer,
          node,
          message: text.et,
          messageEn: text.en,
          expected: to,
          actual: from,
          related:
            correction.reason === "children-sum" && parent
              ? [parent.row, ...run.map((member) => member.row)]
              : duplicateOf
                ? [duplicateOf.row]
                : [],
          correction: { from, to },
        });
      }
    }
  },
};

/**
 * The rows are named by code, and by the start of their label where the code is the one printed twice: no message
 * names a source line, which a workbook's reader cannot find (the related rows carry their places).
 */
function messages({ node, from, to, reason, duplicateOf, parent, run }: CodeCorrection): { et: string; en: string } {
  if (node.row.codeStyle === "numbered") {
    const under = parent ?? node.parent;
    const item = under ? `${nodeName(under)} › ` : "";
    return {
      et: `Punkt ${item}${from}. esineb mitu korda; see punkt („${shorten(node.row.label, 30)}“) on ilmselt ${item}${to}.`,
      en: `Item ${item}${from}. appears more than once; this item ("${shorten(node.row.label, 30)}") is evidently ${item}${to}.`,
    };
  }
  let because = { et: "", en: "" };
  if (reason === "children-sum" && parent?.row.amount) {
    const one = run.length === 1;
    const members = { et: listEt(run.map(nodeNameLabelled)), en: listEn(run.map(nodeNameLabelledEn)) };
    const sum = { et: euro(parent.row.amount), en: euroEn(parent.row.amount) };
    const of = { et: nodeNameLabelled(parent), en: nodeNameLabelledEn(parent) };
    because = one
      ? {
          et: ` Rida ${members.et} võrdub täpselt rea ${of.et} summaga ${sum.et}, seega on see selle alamrida.`,
          en: ` Row ${members.en} equals exactly the ${sum.en} of row ${of.en}, so it is its item.`,
        }
      : {
          et: ` Read ${members.et} annavad kokku täpselt rea ${of.et} summa ${sum.et}, seega on need selle alamread.`,
          en: ` Rows ${members.en} add up exactly to the ${sum.en} of row ${of.en}, so they are its items.`,
        };
  }
  if (!duplicateOf) {
    return {
      et: `Rea ${nodeNameLabelled(node)} kood on ilmselt ${to}.${because.et}`,
      en: `The code of row ${nodeNameLabelledEn(node)} is evidently ${to}.${because.en}`,
    };
  }
  return {
    et: `Kood ${from} esineb mitu korda; see rida („${shorten(node.row.label, 30)}“) on ilmselt ${to}.${because.et}`,
    en: `Code ${from} appears more than once; this row ("${shorten(node.row.label, 30)}") is evidently ${to}.${because.en}`,
  };
}
