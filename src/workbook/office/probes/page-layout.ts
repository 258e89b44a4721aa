import { ExcelProbe, expectEqual, expectRejected } from "./probe";

/** Print setup of the lisa 2 sheets (printSetup in the adapter): A4, fit to one page wide, margins, footers. */

const TYPES = "@types/office-js";

export const PAGE_LAYOUT_PROBES: readonly ExcelProbe[] = [
  {
    id: "page-layout-fields",
    api: "PageLayout.orientation, PageLayout.paperSize, HeaderFooter.leftFooter",
    set: "ExcelApi 1.9",
    kind: "documented",
    source: `${TYPES}, PageLayout.orientation: "The worksheet's orientation of the page."; PageLayout.paperSize: "The worksheet's paper size of the page."; HeaderFooter.leftFooter: "The left footer of the worksheet."`,
    expect: 'Landscape, A4 and the footers "&A" / "&P / &N" read back as set.',
    async run(context, scratch) {
      const layout = scratch.pageLayout;
      layout.orientation = "Landscape";
      layout.paperSize = "A4";
      layout.headersFooters.defaultForAllPages.leftFooter = "&A";
      layout.headersFooters.defaultForAllPages.rightFooter = "&P / &N";
      await context.sync();
      const read = context.workbook.worksheets
        .getItem(scratch.id)
        .load(
          "pageLayout/orientation,pageLayout/paperSize,pageLayout/headersFooters/defaultForAllPages/leftFooter,pageLayout/headersFooters/defaultForAllPages/rightFooter",
        );
      await context.sync();
      const footers = read.pageLayout.headersFooters.defaultForAllPages;
      expectEqual(
        "orientation, paper, footers",
        [read.pageLayout.orientation, read.pageLayout.paperSize, footers.leftFooter, footers.rightFooter],
        ["Landscape", "A4", "&A", "&P / &N"],
      );
    },
  },
  {
    id: "page-layout-zoom-fit",
    api: "PageLayout.zoom",
    set: "ExcelApi 1.9",
    kind: "documented",
    source: `${TYPES}, PageLayoutZoomOptions.scale: "Print page scale value can be between 10 and 400. This value can be \`null\` if fit to page tall or wide is specified."`,
    expect:
      "zoom { horizontalFitToPages: 1, verticalFitToPages: 0 } reads back with those values and no scale; a scale of 5 is refused.",
    async run(context, scratch) {
      scratch.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      await context.sync();
      const read = scratch.pageLayout.load("zoom");
      await context.sync();
      const { horizontalFitToPages, verticalFitToPages, scale } = read.zoom;
      expectEqual("fit to pages", [horizontalFitToPages, verticalFitToPages], [1, 0]);
      expectEqual("scale (null or absent)", scale ?? null, null);
      await expectRejected("a scale of 5", async () => {
        scratch.pageLayout.zoom = { scale: 5 };
        await context.sync();
      });
    },
  },
  {
    id: "page-layout-margins-inches",
    api: "PageLayout.setPrintMargins",
    set: "ExcelApi 1.9",
    kind: "documented",
    source: `${TYPES}, PageLayout.setPrintMargins: "Sets the worksheet's page margins with units." marginOptions: "Margin values to set. Margins not provided remain unchanged."; PageLayout.leftMargin: "The worksheet's left margin, in points, for use when printing."`,
    expect: 'setPrintMargins("Inches", { left: 0.5 }) makes leftMargin 36 points and leaves topMargin as it was.',
    async run(context, scratch) {
      const before = scratch.pageLayout.load("topMargin");
      await context.sync();
      const top = before.topMargin;
      scratch.pageLayout.setPrintMargins("Inches", { left: 0.5 });
      await context.sync();
      const after = scratch.pageLayout.load("leftMargin,topMargin");
      await context.sync();
      expectEqual("left margin in points", Math.round(after.leftMargin * 1000) / 1000, 36);
      expectEqual("top margin unchanged", after.topMargin, top);
    },
  },
  {
    id: "page-layout-print-title-rows",
    api: "PageLayout.setPrintTitleRows",
    set: "ExcelApi 1.9",
    kind: "documented",
    source: `${TYPES}, PageLayout.setPrintTitleRows, printTitleRows: "The rows to be repeated at the top of each page. The range must span the entire row to be valid."`,
    expect: 'Whole rows "$1:$2" are taken; "A1:B2", which does not span entire rows, is refused.',
    async run(context, scratch) {
      scratch.pageLayout.setPrintTitleRows("$1:$2");
      await context.sync();
      await expectRejected("title rows that are not whole rows", async () => {
        scratch.pageLayout.setPrintTitleRows("A1:B2");
        await context.sync();
      });
    },
  },
  {
    id: "freeze-rows",
    api: "WorksheetFreezePanes.freezeRows",
    set: "ExcelApi 1.7",
    kind: "documented",
    source: `${TYPES}, WorksheetFreezePanes.freezeRows: "Freeze the top row or rows of the worksheet in place." count: "Optional number of rows to freeze, or zero to unfreeze all rows"`,
    expect: "freezeRows(3) and then freezeRows(0) are both accepted.",
    async run(context, scratch) {
      scratch.freezePanes.freezeRows(3);
      await context.sync();
      scratch.freezePanes.freezeRows(0);
      await context.sync();
    },
  },
];
