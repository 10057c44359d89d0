import { useId, useState, type DragEvent } from 'react';
import { formatBytes } from './format-values';

/**
 * Step 2: a drop zone that is also a file input, for one file or several (a round of
 * interviews). The input stays in the tab order (visually hidden), so Enter or Space opens the
 * file chooser; the zone shows its focus ring.
 */
export function FileDrop({ accept, file, onFiles }: { accept: string; file: File | null; onFiles: (files: File[]) => void }) {
  const id = useId();
  const [dragging, setDragging] = useState(false);
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const dropped = [...event.dataTransfer.files];
    if (dropped.length) onFiles(dropped);
  };
  return (
    <div
      className={`file-drop${dragging ? ' dragging' : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={drop}
    >
      <input
        id={id}
        type="file"
        className="visually-hidden file-drop-input"
        accept={accept}
        multiple
        onChange={(event) => {
          const chosen = [...(event.target.files ?? [])];
          // Cleared so that choosing the same file again (after fixing it) is noticed.
          event.target.value = '';
          if (chosen.length) onFiles(chosen);
        }}
      />
      <label htmlFor={id} className="file-drop-label">
        <span className="file-drop-icon" aria-hidden="true">
          ⇪
        </span>
        <span>
          <strong>Drop the file here</strong> or <span className="file-drop-browse">browse your computer</span>
        </span>
        <span className="small">Several files are imported one after the other.</span>
        {file && (
          <span className="file-drop-chosen">
            {file.name} · {formatBytes(file.size)}
          </span>
        )}
      </label>
    </div>
  );
}
