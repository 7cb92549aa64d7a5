import type { CloudErrorData } from '../../cloud/errors';
import { ConfirmDialog } from './confirm-dialog';

interface Props {
  title: string;
  /** The confirming button's text, naming what happens and how many ("Delete 2 volumes"). */
  confirm: string;
  /** The question above the list ("Delete these volumes?"). */
  question: string;
  /** What the action touches, one line each, as the user knows them (name and id, address). */
  items: readonly string[];
  onConfirm: () => Promise<unknown>;
  onClose: () => void;
  error: CloudErrorData | null;
}

/** A dangerous action on several resources: the question, then every one of them by name. */
export function ConfirmListDialog({ question, items, ...confirm }: Props) {
  return (
    <ConfirmDialog {...confirm}>
      <p>{question}</p>
      <ul>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </ConfirmDialog>
  );
}
