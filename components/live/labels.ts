// The words of the facilitator's live screens (content/en/messages.json "liveFacilitator"), as
// plain strings handed to the client islands; "{name}" placeholders are filled with components/ui/fill.
import type messages from "@/content/en/messages.json";

type Namespace = (typeof messages)["liveFacilitator"];
type FormLabels = Namespace["form"];

export type StartLabels = Namespace["start"] & FormLabels;
export type AdHocLabels = Namespace["adHoc"] & FormLabels;
export type ControlLabels = Namespace["control"] & FormLabels;
