import {
  Body1,
  Caption1,
  List,
  ListItem,
  MessageBar,
  MessageBarBody,
  Subtitle2,
  Title2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";

export interface AppProps {
  /** True when the pane runs inside Excel; false when the page was opened elsewhere (e.g. in a plain browser). */
  inExcel: boolean;
}

/** What the add-in is for, one line each (shown as a list in the pane). */
export const FEATURES: readonly string[] = [
  "impordib käskkirja tekstist toetatava tegevuse tegevuskavad;",
  "liidab summad täpselt, sendi pealt ja ümardusvigadeta;",
  "märgib vastuolud, näiteks kui tegevuste summad ei ühti eelarve kogusummaga;",
  "koostab eelarve (lisa 2) otse töövihikusse.",
];

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
  },
  header: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: {
    margin: 0,
  },
  list: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
  },
  item: {
    display: "list-item",
    listStyleType: "disc",
  },
  note: {
    color: tokens.colorNeutralForeground3,
  },
});

export function App({ inExcel }: AppProps) {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <Title2 as="h1" className={styles.heading}>
          TAT eelarve
        </Title2>
        <Body1>Toetatava tegevuse aasta tegevuskava (lisa 1) ja eelarve (lisa 2) koostamine käskkirja põhjal.</Body1>
      </header>

      {!inExcel && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>Leht on avatud väljaspool Excelit: see on ainult eelvaade.</MessageBarBody>
        </MessageBar>
      )}

      <Subtitle2 as="h2" className={styles.heading}>
        Mida lisandmoodul teeb
      </Subtitle2>
      <List className={styles.list} aria-label="Lisandmooduli võimalused">
        {FEATURES.map((feature) => (
          <ListItem key={feature} className={styles.item}>
            <Body1>{feature}</Body1>
          </ListItem>
        ))}
      </List>

      <Caption1 className={styles.note}>
        Need võimalused lisanduvad järk-järgult. Nupp „Kontrolli“ vahekaardil Avaleht hakkab töövihikut kontrollima ka
        paani avamata.
      </Caption1>
    </main>
  );
}

export default App;
