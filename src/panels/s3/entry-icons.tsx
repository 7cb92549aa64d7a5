// The object list's folder and file marks, drawn as inline SVG: an emoji shows as an empty box
// on a machine without an emoji font. Decorative: the cell's text is the name alone.

export function FolderIcon() {
  return (
    <svg class="entry-icon folder-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M1.5 3.5h4.5l1.5 1.5h7v8.5h-13z" />
    </svg>
  );
}

export function FileIcon() {
  return (
    <svg class="entry-icon file-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M3.5 1.5h6l3 3v10h-9z" />
      <path d="M9.5 1.5v3h3" />
    </svg>
  );
}
