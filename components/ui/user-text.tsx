// Showing a name someone typed (a learner's, a group's): isolated from the text around it, so a
// right-to-left name cannot reorder the words and numbers beside it (<bdi>), and with any
// control or bidi character stored before lib/text/names.ts refused them shown as U+FFFD.
// Server and client components alike.
import { Fragment, type ReactNode } from "react";
import { plainName } from "@/lib/text/names";

/** Marks a name's place in a translated message: a noncharacter, which no accepted name holds. */
export const NAME_SLOT = "\uFDD0";

export function UserText({ children }: { children: string }) {
  return <bdi>{plainName(children)}</bdi>;
}

/**
 * A message with names in it, each isolated: `withNames(t("joinTitle", { name: NAME_SLOT }), name)`
 * or `withNames(fill(labels.lifted, { name: NAME_SLOT }), l.name)`. Names fill the slots in order.
 */
export function withNames(message: string, ...names: string[]): ReactNode {
  const parts = message.split(NAME_SLOT);
  return parts.map((part, i) => (
    <Fragment key={i}>
      {i > 0 && <UserText>{names[i - 1] ?? ""}</UserText>}
      {part}
    </Fragment>
  ));
}
