// imsmanifest.xml for a SCORM 1.2 or 2004 (4th edition) package of one SCO: the whole course in
// one launchable page (why one SCO: docs/schools.md). Pure, so the tests can check it as text.

export type ScormVersion = "1.2" | "2004";

export interface ManifestInput {
  version: ScormVersion;
  /** Unique per course, locale and version: LMSs key imported packages on it. */
  identifier: string;
  title: string;
  /** The page the LMS launches. */
  launch: string;
  /** Every file of the package but the manifest itself (and, for 2004, its schema files: none are shipped). */
  files: string[];
  /** 0-100: the LMS may judge passed/failed from the score with it (1.2 masteryscore, 2004 scaled passing score). */
  passPercent: number;
}

/** Text and attribute values for XML: the five predefined entities, and no control characters. */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

/** An XML id (NCName): letters, digits, "-", "_" and ".", starting with a letter. */
export function xmlId(text: string): string {
  const id = text.replace(/[^A-Za-z0-9._-]/g, "-");
  return /^[A-Za-z_]/.test(id) ? id : `id-${id}`;
}

export function buildManifest(input: ManifestInput): string {
  const id = xmlId(input.identifier);
  const title = escapeXml(input.title);
  const files = [...new Set(input.files)].map((f) => `      <file href="${escapeXml(f)}"/>`).join("\n");
  const launch = escapeXml(input.launch);
  if (input.version === "1.2") {
    return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="1"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="${id}-org">
    <organization identifier="${id}-org">
      <title>${title}</title>
      <item identifier="${id}-item" identifierref="${id}-sco" isvisible="true">
        <title>${title}</title>
        <adlcp:masteryscore>${Math.round(input.passPercent)}</adlcp:masteryscore>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${id}-sco" type="webcontent" adlcp:scormtype="sco" href="${launch}">
${files}
    </resource>
  </resources>
</manifest>
`;
  }
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="1"
  xmlns="http://www.imsglobal.org/xsd/imscp_v1p1"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3"
  xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3"
  xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3"
  xmlns:imsss="http://www.imsglobal.org/xsd/imsss"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="${id}-org">
    <organization identifier="${id}-org">
      <title>${title}</title>
      <item identifier="${id}-item" identifierref="${id}-sco" isvisible="true">
        <title>${title}</title>
        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="${id}-objective" satisfiedByMeasure="false">
              <imsss:minNormalizedMeasure>${(input.passPercent / 100).toFixed(2)}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>
        </imsss:sequencing>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="${id}-sco" type="webcontent" adlcp:scormType="sco" href="${launch}">
${files}
    </resource>
  </resources>
</manifest>
`;
}
