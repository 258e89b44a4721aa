import { openContainer } from "../../../src/import/container/open-container";
import { base64Bytes, certificateSubject, parseSubjectText } from "../../../src/import/container/certificate";
import { readSignatures } from "../../../src/import/container/signatures";
import { formatSigningTime } from "../../../src/import/container/signing-time";
import { makeCertificate, makeContainer, signatureXml } from "./containers";

/**
 * The signatures are information only: the signer's name from the signing certificate's subject (or from
 * ds:X509SubjectName), the signing time from xades:SigningTime, and nothing verified. The certificates here are
 * real ones made for the test; Node's X.509 parser (OpenSSL) confirms the subject the reader must find.
 */

const ID_CARD: Array<["CN" | "SN" | "GN" | "serialNumber" | "C", string]> = [
  ["C", "EE"],
  ["CN", "MAASIKAS,MARI,48001010000"],
  ["SN", "MAASIKAS"],
  ["GN", "MARI"],
  ["serialNumber", "PNOEE-48001010000"],
];

describe("the signing certificate's subject", () => {
  it("is read from the DER bytes as OpenSSL reads it", () => {
    const { der, x509 } = makeCertificate(ID_CARD);
    expect(x509.subject.split("\n")).toEqual([
      "C=EE",
      "CN=MAASIKAS\\,MARI\\,48001010000",
      "SN=MAASIKAS",
      "GN=MARI",
      "serialNumber=PNOEE-48001010000",
    ]);
    expect(certificateSubject(der)).toEqual({
      commonName: "MAASIKAS,MARI,48001010000",
      surname: "MAASIKAS",
      givenName: "MARI",
    });
  });

  it("keeps letters beyond ASCII, and an organisation's seal has its common name only", () => {
    const { der } = makeCertificate([
      ["CN", "JÕEORG,JAAK-KRISTJAN,38001085718"],
      ["SN", "JÕEORG"],
      ["GN", "JAAK-KRISTJAN"],
    ]);
    expect(certificateSubject(der)?.surname).toBe("JÕEORG");
    const seal = makeCertificate([
      ["C", "EE"],
      ["O", "Kultuuriministeerium"],
      ["CN", "Kultuuriministeerium"],
    ]);
    expect(certificateSubject(seal.der)).toEqual({
      commonName: "Kultuuriministeerium",
      surname: null,
      givenName: null,
    });
  });

  it("is null for bytes that are no certificate", () => {
    expect(certificateSubject(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x01]))).toBeNull();
    expect(certificateSubject(new Uint8Array([0x30, 0x82, 0xff]))).toBeNull();
    expect(certificateSubject(new Uint8Array())).toBeNull();
  });

  it("reads a subject written as text, escaped commas and hex included", () => {
    expect(parseSubjectText("CN=MAASIKAS\\,MARI\\,48001010000,SN=MAASIKAS,GIVENNAME=MARI,C=EE")).toEqual({
      commonName: "MAASIKAS,MARI,48001010000",
      surname: "MAASIKAS",
      givenName: "MARI",
    });
    expect(parseSubjectText("2.5.4.42=J\\C3\\95E,2.5.4.4=TAMM").givenName).toBe("JÕE");
  });

  it("decodes base64 as Node does, line breaks ignored", () => {
    const bytes = Uint8Array.from({ length: 300 }, (_, index) => (index * 37) % 256);
    for (const length of [0, 1, 2, 3, 100, 300]) {
      const text = Buffer.from(bytes.subarray(0, length)).toString("base64");
      expect(Array.from(base64Bytes(text.replace(/(.{10})/g, "$1\n ")) ?? [])).toEqual(
        Array.from(bytes.subarray(0, length)),
      );
    }
    expect(base64Bytes("not base64!")).toBeNull();
  });
});

describe("a container's signatures", () => {
  it("gives each signer's name and signing time, unverified", async () => {
    const container = await makeContainer({
      files: [{ name: "lisa1.txt", bytes: "tekst" }],
      signatures: [
        { subject: ID_CARD, signingTime: "2025-03-25T08:15:30Z", role: "Minister" },
        { subjectName: "CN=Kultuuriministeerium,O=Kultuuriministeerium,C=EE", signingTime: "2025-03-25T09:02:11Z" },
      ],
    });
    const { signatures } = await openContainer(container, "leping.asice");
    expect(signatures).toEqual([
      {
        file: "META-INF/signatures0.xml",
        signer: "MARI MAASIKAS",
        role: "Minister",
        signingTime: "2025-03-25T08:15:30Z",
      },
      {
        file: "META-INF/signatures1.xml",
        signer: "Kultuuriministeerium",
        role: null,
        signingTime: "2025-03-25T09:02:11Z",
      },
    ]);
  });

  it("counts a signature it cannot read, with nothing claimed for it", () => {
    expect(readSignatures("META-INF/signatures0.xml", "<katki")).toEqual([
      { file: "META-INF/signatures0.xml", signer: null, role: null, signingTime: null },
    ]);
    const unsigned = signatureXml({}, 0, []);
    expect(readSignatures("META-INF/signatures0.xml", unsigned)).toEqual([
      { file: "META-INF/signatures0.xml", signer: null, role: null, signingTime: null },
    ]);
  });
});

describe("signing times", () => {
  it("are shown in the zone the signature states, never converted", () => {
    expect(formatSigningTime("2025-03-25T08:15:30Z")).toBe("25.03.2025 08:15:30 UTC");
    expect(formatSigningTime("2025-03-25T10:15:30.123+02:00")).toBe("25.03.2025 10:15:30 UTC+02:00");
    expect(formatSigningTime("2025-03-25T10:15")).toBe("25.03.2025 10:15");
    expect(formatSigningTime("eile")).toBe("eile");
  });
});
