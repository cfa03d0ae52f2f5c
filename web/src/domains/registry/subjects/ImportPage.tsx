import { DownloadOutlined, FileExcelOutlined, InboxOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Result, Space, Spin, Steps, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { saveBlob } from '../../../app/api';
import { ApiError } from '../../../app/api-error';
import { useI18n } from '../../../app/i18n';
import type { MessageKey } from '../../../app/messages.zh';
import type { ImportResult, ImportRowReport, ImportRowsInvalidDetails } from './subject.types';
import { importApi, xlsxFromBase64 } from './import.api';

type State =
  | { step: 'idle' }
  | { step: 'running'; filename: string }
  | { step: 'refused'; error: ApiError; details: ImportRowsInvalidDetails }
  | { step: 'failed'; error: unknown }
  | { step: 'done'; result: ImportResult; filename: string };

const seconds = (ms: number) => (ms / 1000).toFixed(1);

/**
 * 批量导入: the county downloads the template, fills it in and uploads it. A file with any bad row imports
 * nothing and lists every bad row with its reasons; a clean file registers all rows at once, and the initial
 * passwords are offered once for download.
 */
export default function ImportPage() {
  const { t, lang, errorText } = useI18n();
  const { message } = App.useApp();
  const [state, setState] = useState<State>({ step: 'idle' });
  const [downloading, setDownloading] = useState(false);

  const downloadTemplate = async () => {
    setDownloading(true);
    try {
      saveBlob(await importApi.template(), t('import.templateFile'));
    } catch (err) {
      void message.error(errorText(err));
    } finally {
      setDownloading(false);
    }
  };

  const run = async (file: File) => {
    if (!/\.xlsx$/i.test(file.name)) {
      void message.error(t('import.wrongType'));
      return;
    }
    setState({ step: 'running', filename: file.name });
    try {
      setState({ step: 'done', result: await importApi.upload(file, file.name), filename: file.name });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'IMPORT_ROWS_INVALID') setState({ step: 'refused', error: err, details: err.details as ImportRowsInvalidDetails });
      else setState({ step: 'failed', error: err });
    }
  };

  const columnLabel = (field: string) => {
    const key = `import.col.${field}` as MessageKey;
    const text = t(key);
    return text === key ? field : text;
  };

  const dragger = (
    <Upload.Dragger
      accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
      multiple={false}
      showUploadList={false}
      disabled={state.step === 'running'}
      beforeUpload={(file) => {
        void run(file);
        return false;
      }}
    >
      <p className="ant-upload-drag-icon">
        <InboxOutlined />
      </p>
      <p className="ant-upload-text">{t('import.drop')}</p>
      <p className="ant-upload-hint">{t('import.dropHint')}</p>
    </Upload.Dragger>
  );

  return (
    <div>
      <div className="tn-page-title">
        <Typography.Title level={3}>{t('import.title')}</Typography.Title>
      </div>
      <Card style={{ marginBottom: 16 }}>
        <Typography.Paragraph type="secondary">{t('import.intro')}</Typography.Paragraph>
        <Steps
          size="small"
          style={{ marginBottom: 16 }}
          current={state.step === 'done' ? 3 : state.step === 'idle' ? 0 : 2}
          items={[{ title: t('import.step.template') }, { title: t('import.step.fill') }, { title: t('import.step.upload') }]}
        />
        <Button icon={<DownloadOutlined />} loading={downloading} onClick={() => void downloadTemplate()}>
          {t('import.downloadTemplate')}
        </Button>
      </Card>

      <Card>
        {state.step === 'done' ? (
          <Done state={state} onAgain={() => setState({ step: 'idle' })} />
        ) : state.step === 'running' ? (
          <Spin size="large" description={t('import.running', { name: state.filename })}>
            <div style={{ opacity: 0.4 }}>{dragger}</div>
          </Spin>
        ) : (
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            {dragger}
            {state.step === 'failed' && <Alert type="error" showIcon title={errorText(state.error)} />}
            {state.step === 'refused' && (
              <>
                <Alert
                  type="error"
                  showIcon
                  title={errorText(state.error)}
                  description={state.details.badRowCount > state.details.rows.length ? t('import.bad.listed', { n: state.details.rows.length, total: state.details.badRowCount }) : undefined}
                />
                <Table<ImportRowReport>
                  rowKey="row"
                  size="small"
                  dataSource={state.details.rows}
                  pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
                  scroll={{ x: 640 }}
                  columns={[
                    { title: t('import.bad.row'), dataIndex: 'row', width: 90 },
                    {
                      title: t('import.bad.problems'),
                      key: 'problems',
                      render: (_v, r) => (
                        <Space orientation="vertical" size={2}>
                          {r.problems.map((p, i) => (
                            <span key={i}>
                              <Tag>{columnLabel(p.field)}</Tag>
                              {p.message[lang]}
                            </span>
                          ))}
                        </Space>
                      ),
                    },
                  ]}
                />
              </>
            )}
          </Space>
        )}
      </Card>
    </div>
  );
}

function Done({ state, onAgain }: { state: Extract<State, { step: 'done' }>; onAgain: () => void }) {
  const { t } = useI18n();
  const { result } = state;
  const { timings } = result;
  return (
    <Result
      status="success"
      title={t('import.done.title', { n: result.registered })}
      subTitle={
        <>
          <div>
            {t('import.done.elapsed', { s: seconds(result.elapsedMs), read: seconds(timings.readMs), check: seconds(timings.checkMs), hash: seconds(timings.hashMs), write: seconds(timings.writeMs) })}
          </div>
          {result.claimed > 0 && <div>{t('import.done.claimed', { n: result.claimed })}</div>}
        </>
      }
      extra={
        <Space orientation="vertical" size="middle" style={{ maxWidth: 560 }}>
          <Alert type="warning" showIcon title={t('import.done.credentials')} />
          <Space wrap style={{ justifyContent: 'center' }}>
            <Button type="primary" icon={<FileExcelOutlined />} onClick={() => saveBlob(xlsxFromBase64(result.credentialsXlsx), t('import.credentialsFile', { id: result.importId.slice(0, 8) }))}>
              {t('import.done.download')}
            </Button>
            <Button icon={<ReloadOutlined />} onClick={onAgain}>
              {t('import.again')}
            </Button>
          </Space>
        </Space>
      }
    />
  );
}
