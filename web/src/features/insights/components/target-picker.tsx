import { useId, useState, type ReactNode } from 'react';
import type { InsightType } from '@cairn/shared';
import { Button } from '../../../components/button';
import { Dialog } from '../../../components/dialog';
import { ErrorMessage } from '../../../components/error-message';
import { Loading } from '../../../components/spinner';
import { useCatalogIndex, useListNavigation } from '../../../lib/catalog';
import { INSIGHT_TYPE_LABELS } from '../../../lib/insight-types';
import type { LinkChoice, LinkTargetType } from '../hooks/use-link-evidence';
import { BACKLOG_STATUS_LABELS, INSIGHT_STATUS_LABELS } from '../lib/labels';

/** Targets of each type shown before anything is typed. */
const DEFAULT_OPTIONS = 5;
const SEARCH_LIMIT = 12;

/** How each kind of target is named in the picker: its group, in a sentence, and its create option. */
const TARGET_NAMES: Record<LinkTargetType, { group: string; many: string; create: (name: string) => string }> = {
  insight: { group: 'Problems, opportunities & solutions', many: 'problems', create: (name) => `Create a new problem named “${name}”` },
  backlogItem: { group: 'Backlog', many: 'backlog items', create: (name) => `Create a backlog item named “${name}”` },
};

type Option = { choice: LinkChoice; group: string; label: string; detail: string | null };

type TargetComboboxProps = {
  ws: string;
  label: string;
  types: readonly LinkTargetType[];
  /** Offers to create a target named as typed when no name matches exactly (researchers and up). */
  canCreate: boolean;
  /** Targets already linked, left out. */
  excludeIds?: readonly string[];
  /** Only insights of this type (a merge keeps to one type). */
  insightType?: InsightType;
  busy: boolean;
  onChoose: (choice: LinkChoice) => void;
  onEscape: () => void;
};

/**
 * Type to find a problem or backlog item by name (MiniSearch over the catalog, no request per
 * keystroke), ↑/↓ and Enter to choose, grouped by kind; or create one named as typed.
 */
export function TargetCombobox({ ws, label, types, canCreate, excludeIds = [], insightType, busy, onChoose, onEscape }: TargetComboboxProps) {
  const listId = useId();
  const [query, setQuery] = useState('');
  const { catalog, search, isPending } = useCatalogIndex(ws);
  const text = query.trim();

  const insights = new Map(catalog?.insights.map((insight) => [insight.id, insight]));
  const backlogItems = new Map(catalog?.backlogItems.map((item) => [item.id, item]));
  const optionOf = (type: LinkTargetType, id: string): Option | null => {
    if (excludeIds.includes(id)) return null;
    const group = TARGET_NAMES[type].group;
    if (type === 'insight') {
      const insight = insights.get(id);
      if (insightType && insight?.type !== insightType) return null;
      return insight ? { choice: { type, id, title: insight.title }, group, label: insight.title, detail: `${INSIGHT_TYPE_LABELS[insight.type].one} · ${INSIGHT_STATUS_LABELS[insight.status]}` } : null;
    }
    const item = backlogItems.get(id);
    return item ? { choice: { type, id, title: item.title }, group, label: item.title, detail: [item.externalKey, BACKLOG_STATUS_LABELS[item.status]].filter(Boolean).join(' · ') } : null;
  };
  const isOption = (option: Option | null): option is Option => option !== null;
  const existing = text
    ? search(text, { types, limit: SEARCH_LIMIT, allWords: true })
        .map((entry) => optionOf(entry.type as LinkTargetType, entry.id))
        .filter(isOption)
    : types.flatMap((type) => [...(type === 'insight' ? insights : backlogItems).keys()].map((id) => optionOf(type, id)).filter(isOption).slice(0, DEFAULT_OPTIONS));
  const sameName = (type: LinkTargetType) =>
    (type === 'insight' ? [...insights.values()] : [...backlogItems.values()]).some((target) => target.title.toLowerCase() === text.toLowerCase());
  const creates: Option[] =
    canCreate && text ? types.filter((type) => !sameName(type)).map((type) => ({ choice: { type, id: null, title: text }, group: 'New', label: TARGET_NAMES[type].create(text), detail: null })) : [];
  // Grouped as listed, so that ↑/↓ walk the groups in the order they show.
  const groups = [...types.map((type) => TARGET_NAMES[type].group), 'New']
    .map((group) => ({ group, options: [...existing, ...creates].filter((option) => option.group === group) }))
    .filter(({ options }) => options.length > 0);
  const options = groups.flatMap(({ options }) => options);
  const named = types.map((type) => (type === 'insight' && insightType ? INSIGHT_TYPE_LABELS[insightType].many.toLowerCase() : TARGET_NAMES[type].many));

  const choose = (option: Option) => {
    if (!busy) onChoose(option.choice);
  };
  const navigation = useListNavigation(options, choose, onEscape);
  const optionId = (index: number) => `${listId}-${index}`;
  const nothingYet = !text && !existing.length;

  return (
    <div className="target-combobox">
      <input
        className="input"
        {...navigation.comboboxProps(listId)}
        aria-label={label}
        aria-busy={busy || undefined}
        placeholder={`Find ${named.join(' and ')} by name…`}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          navigation.setActive(0);
        }}
      />
      {isPending ? (
        <Loading label="Loading names…" />
      ) : (
        <div className="combobox-list target-list" role="listbox" id={listId} aria-label={label}>
          {groups.map(({ group, options: groupOptions }) => (
            <ul key={group} role="group" aria-label={group} className="target-group">
              <li role="presentation" aria-hidden="true" className="target-group-label">
                {group}
              </li>
              {groupOptions.map((option) => {
                const index = options.indexOf(option);
                return (
                  <li
                    key={`${option.choice.type}:${option.choice.id ?? 'new'}`}
                    id={optionId(index)}
                    role="option"
                    aria-selected={index === navigation.active}
                    className={`combobox-option${index === navigation.active ? ' active' : ''}${option.choice.id === null ? ' target-create' : ''}`}
                    onMouseDown={(event) => event.preventDefault()}
                    onMouseEnter={() => navigation.setActive(index)}
                    onClick={() => choose(option)}
                  >
                    <span className="combobox-name">{option.label}</span>
                    {option.detail && <span className="combobox-detail">{option.detail}</span>}
                  </li>
                );
              })}
            </ul>
          ))}
          {!options.length && (
            <p className="combobox-empty">
              {nothingYet ? `No ${named.join(' or ')} yet` : 'Nothing matches'}
              {canCreate ? (nothingYet ? ': type a name to create one.' : '.') : '. Researchers and up create new ones.'}
            </p>
          )}
        </div>
      )}
    </div>
  );
}

export type InsightPickerProps = Pick<TargetComboboxProps, 'ws' | 'label' | 'excludeIds' | 'insightType' | 'busy' | 'onEscape'> & {
  onChoose: (insight: { id: string; title: string }) => void;
};

/** Find an insight that exists (nothing is created): one to add a cluster to, or to merge into. */
export function InsightPicker({ onChoose, ...picker }: InsightPickerProps) {
  return <TargetCombobox {...picker} types={['insight']} canCreate={false} onChoose={(choice) => choice.id !== null && onChoose({ id: choice.id, title: choice.title })} />;
}

type TargetDialogProps = Omit<TargetComboboxProps, 'onEscape'> & {
  open: boolean;
  title: string;
  /** What is being linked, above the picker. */
  intro?: ReactNode;
  error: unknown;
  onClose: () => void;
};

/** A dialog to pick (or create) the problem or backlog item to link to; Enter links at once. */
export function TargetDialog({ open, title, intro, error, onClose, busy, ...picker }: TargetDialogProps) {
  return (
    <Dialog
      open={open}
      title={title}
      onClose={onClose}
      footer={
        <Button variant="ghost" onClick={onClose}>
          Cancel
        </Button>
      }
    >
      <div className="stack target-dialog">
        {intro}
        <TargetCombobox {...picker} busy={busy} onEscape={onClose} />
        <p className="popover-hint muted" aria-live="polite">
          {busy ? (
            'Linking…'
          ) : (
            <span className="keyboard-hint">
              <kbd>↑</kbd> <kbd>↓</kbd> choose · <kbd>Enter</kbd> link · <kbd>Esc</kbd> close
            </span>
          )}
        </p>
        <ErrorMessage error={error} />
      </div>
    </Dialog>
  );
}
