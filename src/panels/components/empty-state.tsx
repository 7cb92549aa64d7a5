interface Props {
  title: string;
  body: string;
  hint?: string;
}

export function EmptyState({ title, body, hint }: Props) {
  return (
    <section class="empty-state">
      <h2>{title}</h2>
      <p>{body}</p>
      {hint && <p class="empty-state-hint">{hint}</p>}
    </section>
  );
}
