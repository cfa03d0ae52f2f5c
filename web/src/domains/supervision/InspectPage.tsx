import { Alert, Button, Card, Result, Space } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../app/i18n';
import { InspectionForm } from './InspectionForm';
import { PastInspections } from './PastInspections';
import { SubjectFinder, type FoundSubject } from './SubjectFinder';
import { subjectApi } from '../registry/subjects/subject.api';
import { SubjectRecords } from './SubjectRecords';
import { TransferCard } from './TransferCard';
import { supervisionApi } from './supervision.api';
import type { Inspection } from './supervision.types';
import '../../shared/field-page.css';
import './supervision.css';

/**
 * 基地巡查 in the field, built for a 375-px phone: find the subject (scan or type), fill the checklist with a
 * photo and the GPS point, conclude; a problem can be transferred to enforcement at once. `?taskId=` counts the
 * inspection for that task.
 */
export default function InspectPage() {
  const { t, errorText } = useI18n();
  const [params] = useSearchParams();
  const taskId = params.get('taskId') ?? undefined;
  const [taskTitle, setTaskTitle] = useState<string | null>(null);
  const [subject, setSubject] = useState<FoundSubject | null>(null);
  const [saved, setSaved] = useState<Inspection | null>(null);
  // Arriving from a scanned electronic identity (IdentityScanPage's 开始巡查): that subject is the one inspected.
  const identity = params.get('identity');
  const [identityError, setIdentityError] = useState<string | null>(null);
  useEffect(() => {
    if (!identity) return;
    let live = true;
    subjectApi.scan(identity).then(
      (scan) => live && setSubject(scan.subject),
      (err: unknown) => live && setIdentityError(errorText(err)),
    );
    return () => {
      live = false;
    };
  }, [identity, errorText]);

  useEffect(() => {
    if (!taskId) return;
    let live = true;
    supervisionApi.task(taskId).then((task) => live && setTaskTitle(task.title), () => undefined);
    return () => {
      live = false;
    };
  }, [taskId]);

  const restart = () => {
    setSubject(null);
    setSaved(null);
  };

  return (
    <Space orientation="vertical" size={12} className="tn-field-page">
      {taskTitle && <Alert type="info" showIcon title={t('inspect.forTask', { title: taskTitle })} />}
      {identityError && !subject && <Alert type="warning" showIcon title={identityError} />}
      {!subject && <SubjectFinder onFound={setSubject} />}
      {subject && !saved && (
        <>
          <SubjectRecords subjectId={subject.id} />
          <InspectionForm subject={subject} taskId={taskId} onSaved={setSaved} />
          <Button onClick={restart}>{t('inspect.changeSubject')}</Button>
        </>
      )}
      {subject && saved && (
        <Card data-testid="inspect-result">
          <Result status={saved.conclusion === 'problem' ? 'warning' : 'success'} title={t('inspect.saved')} subTitle={saved.findings ?? subject.name} />
          {saved.conclusion === 'problem' && <TransferCard inspection={saved} onDone={setSaved} />}
          <Button block style={{ marginTop: 12 }} onClick={restart} data-testid="inspect-next">
            {t('inspect.another')}
          </Button>
        </Card>
      )}
      {subject && <PastInspections subjectId={subject.id} refresh={saved} />}
    </Space>
  );
}
