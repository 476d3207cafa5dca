import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectStage } from '../../app/api.ts';

export const PROJECT_STAGES = ['idea', 'pilot', 'project', 'industrial', 'market'] as const;

/**
 * The stages of a project as steps, the current one marked. Those allowed move the project by
 * pressing another step (a button each, so the keyboard works), with an optional reason logged.
 */
export function ProjectStepper({
  stage,
  canChange,
  isBusy,
  onChange,
}: {
  stage: ProjectStage;
  canChange: boolean;
  isBusy: boolean;
  onChange: (stage: ProjectStage, note: string) => void;
}) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const current = PROJECT_STAGES.indexOf(stage);
  return (
    <div>
      <ol className="project-stepper">
        {PROJECT_STAGES.map((step, index) => {
          const className =
            index < current
              ? 'project-step project-step-done'
              : index === current
                ? 'project-step project-step-current'
                : 'project-step';
          const content = (
            <>
              <span className="project-step-dot" aria-hidden="true">
                {index < current ? '✓' : index + 1}
              </span>
              <span className="project-step-label">{t(`projects.stage.${step}`)}</span>
            </>
          );
          return (
            <li key={step} className={className} aria-current={index === current ? 'step' : undefined}>
              {canChange && index !== current ? (
                <button
                  type="button"
                  className="project-step-button"
                  disabled={isBusy}
                  aria-describedby="project-stage-hint"
                  onClick={() => {
                    onChange(step, note.trim());
                    setNote('');
                  }}
                >
                  {content}
                </button>
              ) : (
                <span className="project-step-button">{content}</span>
              )}
            </li>
          );
        })}
      </ol>
      {canChange ? (
        <div className="field project-stage-note">
          <label htmlFor="project-stage-note">{t('projectLife.stageNote')}</label>
          <input
            id="project-stage-note"
            value={note}
            maxLength={1000}
            aria-describedby="project-stage-hint"
            onChange={(event) => setNote(event.target.value)}
          />
          <p id="project-stage-hint" className="field-hint">
            {t('projectLife.stageHint')}
          </p>
        </div>
      ) : null}
    </div>
  );
}
