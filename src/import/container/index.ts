export { readContainer } from "./read-container";
export type {
  ContainedDocument,
  ContainerCandidate,
  ContainerImport,
  ContainerReading,
  ImportDocument,
} from "./read-container";
export { documentKind, openContainer } from "./open-container";
export type { ContainerContents, DataFile, DocumentKind } from "./open-container";
export { formatSigningTime } from "./signing-time";
export type { SignatureInfo } from "./signatures";
