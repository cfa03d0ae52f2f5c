import { Button, Spin } from 'antd';
import { lazy, Suspense, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useNavigate } from 'react-router';
import { AppLayout } from './AppLayout';
import { LazyResult as Result } from './LazyResult';
import { useAuth, useMe } from './auth';
import { useI18n } from './i18n';
import { menuFor } from './menu';
import type { Permission } from './types';

const LoginPage = lazy(() => import('../domains/registry/LoginPage'));
const ForcedPasswordPage = lazy(() => import('../domains/registry/ForcedPasswordPage'));
const AccountPage = lazy(() => import('../domains/registry/AccountPage'));
const AgencyTreePage = lazy(() => import('../domains/registry/AgencyTreePage'));
const UsersPage = lazy(() => import('../domains/registry/UsersPage'));
const AllocatePage = lazy(() => import('../domains/registry/AllocatePage'));
const AuditPage = lazy(() => import('../domains/ops/AuditPage'));
const BackupsPage = lazy(() => import('../domains/ops/BackupsPage'));
const JobsPage = lazy(() => import('../domains/ops/JobsPage'));
const MyFeedbackPage = lazy(() => import('../domains/ops/MyFeedbackPage'));
const FeedbackPage = lazy(() => import('../domains/ops/FeedbackPage'));
const IncidentsPage = lazy(() => import('../domains/ops/IncidentsPage'));
const IncidentPage = lazy(() => import('../domains/ops/IncidentPage'));
const PublicShell = lazy(() => import('../domains/registry/PublicShell'));
const RegisterPage = lazy(() => import('../domains/registry/RegisterPage'));
const StatusLookupPage = lazy(() => import('../domains/registry/StatusLookupPage'));
const ApplicationStatusPage = lazy(() => import('../domains/registry/ApplicationStatusPage'));
const ResubmitPage = lazy(() => import('../domains/registry/ResubmitPage'));
const ApplicationsPage = lazy(() => import('../domains/registry/ApplicationsPage'));
const ChangeRequestsPage = lazy(() => import('../domains/registry/ChangeRequestsPage'));
const SubjectsPage = lazy(() => import('../domains/registry/SubjectsPage'));
const SubjectDetailPage = lazy(() => import('../domains/registry/SubjectDetailPage'));
const IdentityScanPage = lazy(() => import('../domains/registry/IdentityScanPage'));
const MySubjectPage = lazy(() => import('../domains/registry/MySubjectPage'));
const ImportPage = lazy(() => import('../domains/registry/ImportPage'));
const BasesPage = lazy(() => import('../domains/trace/BasesPage'));
const ProductsPage = lazy(() => import('../domains/trace/ProductsPage'));
const BatchesPage = lazy(() => import('../domains/trace/BatchesPage'));
const BatchFormPage = lazy(() => import('../domains/trace/BatchFormPage'));
const BatchDetailPage = lazy(() => import('../domains/trace/BatchDetailPage'));
const TradesPage = lazy(() => import('../domains/trace/TradesPage'));
const ScanPage = lazy(() => import('../domains/trace/ScanPage'));
const LookupPage = lazy(() => import('../domains/trace/LookupPage'));
const TasksPage = lazy(() => import('../domains/supervision/TasksPage'));
const TaskFormPage = lazy(() => import('../domains/supervision/TaskFormPage'));
const TaskDetailPage = lazy(() => import('../domains/supervision/TaskDetailPage'));
const InspectPage = lazy(() => import('../domains/supervision/InspectPage'));
const InspectionsPage = lazy(() => import('../domains/supervision/InspectionsPage'));
const ChecklistsPage = lazy(() => import('../domains/supervision/ChecklistsPage'));
const CasesPage = lazy(() => import('../domains/enforcement/CasesPage'));
const CaseDetailPage = lazy(() => import('../domains/enforcement/CaseDetailPage'));
const SamplePage = lazy(() => import('../domains/monitoring/SamplePage'));
const SamplesPage = lazy(() => import('../domains/monitoring/SamplesPage'));
const SampleDetailPage = lazy(() => import('../domains/monitoring/SampleDetailPage'));
const MonitoringTasksPage = lazy(() => import('../domains/monitoring/MonitoringTasksPage'));
const TaskSummaryPage = lazy(() => import('../domains/monitoring/TaskSummaryPage'));
const AlertsPage = lazy(() => import('../domains/monitoring/AlertsPage'));
const AlertDetailPage = lazy(() => import('../domains/monitoring/AlertDetailPage'));
const RecallOrderPage = lazy(() => import('../domains/monitoring/RecallOrderPage'));
const LabSettingsPage = lazy(() => import('../domains/monitoring/LabSettingsPage'));
const RecallNoticesPage = lazy(() => import('../domains/monitoring/RecallNoticesPage'));
const HelpPage = lazy(() => import('../domains/help/HelpPage'));
const AnnouncementsPage = lazy(() => import('../domains/notices/AnnouncementsPage'));
const NoticesPage = lazy(() => import('../domains/notices/NoticesPage'));
const NoticeFormPage = lazy(() => import('../domains/notices/NoticeFormPage'));
const NoticeDetailPage = lazy(() => import('../domains/notices/NoticeDetailPage'));
const InboxPage = lazy(() => import('../domains/notices/InboxPage'));
const InboxNoticePage = lazy(() => import('../domains/notices/InboxNoticePage'));
const MonitorsPage = lazy(() => import('../domains/analytics/monitors/MonitorsPage'));
const RectificationsPage = lazy(() => import('../domains/analytics/monitors/RectificationsPage'));
const AssessmentPage = lazy(() => import('../domains/analytics/monitors/AssessmentPage'));
const ReportsPage = lazy(() => import('../domains/analytics/reports/ReportsPage'));
const IntegrationPage = lazy(() => import('../domains/integration/IntegrationPage'));
const ClientPage = lazy(() => import('../domains/integration/ClientPage'));

export function App() {
  const { state } = useAuth();
  const { t } = useI18n();
  if (state.status === 'loading') return <FullPageSpin label={t('app.loading')} />;
  return (
    // A new router for each account: logout() resets the address with history.replaceState, which the router
    // does not hear of, so without this the next account would open on the last one's page (often a 403).
    <BrowserRouter key={state.status === 'signed-in' ? state.me.user.id : state.status}>
      <SuspenseFull label={t('app.loading')}>
        <Routes>
          {/* Registration and its status are open to anyone, signed in or not. */}
          <Route path="register" element={<PublicShell />}>
            <Route index element={<RegisterPage />} />
            <Route path="status" element={<StatusLookupPage />} />
            <Route path="status/:code" element={<ApplicationStatusPage />} />
            <Route path="status/:code/edit" element={<ResubmitPage />} />
          </Route>
          {/* The guides are open to applicants too; a signed-in reader gets them inside the console. */}
          {state.status === 'anonymous' && (
            <Route path="help" element={<PublicShell />}>
              <Route index element={<HelpPage />} />
              <Route path=":guide" element={<HelpPage />} />
            </Route>
          )}
          <Route
            path="*"
            element={state.status === 'anonymous' ? <LoginPage /> : state.me.user.mustChangePassword ? <ForcedPasswordPage /> : <SignedInRoutes />}
          />
        </Routes>
      </SuspenseFull>
    </BrowserRouter>
  );
}

function SignedInRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<Home />} />
        <Route path="agencies" element={<Guard permission="agency.read"><AgencyTreePage /></Guard>} />
        <Route path="allocate" element={<Guard permission="agency.allocate"><AllocatePage /></Guard>} />
        <Route path="users" element={<Guard permission="user.read"><UsersPage /></Guard>} />
        <Route path="audit" element={<Guard permission="audit.read"><AuditPage /></Guard>} />
        <Route path="ops/backups" element={<Guard permission="backup.read"><BackupsPage /></Guard>} />
        <Route path="ops/jobs" element={<Guard permission="job.read"><JobsPage /></Guard>} />
        <Route path="feedback/mine" element={<Guard permission="feedback.file"><MyFeedbackPage /></Guard>} />
        <Route path="ops/feedback" element={<Guard permission="feedback.handle"><FeedbackPage /></Guard>} />
        <Route path="integration" element={<Guard permission="integration.read"><IntegrationPage /></Guard>} />
        <Route path="integration/:id" element={<Guard permission="integration.read"><ClientPage /></Guard>} />
        <Route path="ops/incidents" element={<Guard permission="incident.read"><IncidentsPage /></Guard>} />
        <Route path="ops/incidents/:id" element={<Guard permission="incident.read"><IncidentPage /></Guard>} />
        <Route path="applications" element={<Guard permission="subject.approve"><ApplicationsPage /></Guard>} />
        <Route path="change-requests" element={<Guard permission="subject.approve"><ChangeRequestsPage /></Guard>} />
        <Route path="import" element={<Guard permission="subject.approve"><ImportPage /></Guard>} />
        <Route path="subjects" element={<Guard permission="subject.read"><SubjectsPage /></Guard>} />
        <Route path="subjects/:id" element={<Guard permission="subject.read"><SubjectDetailPage /></Guard>} />
        <Route path="identity/:token" element={<IdentityScanPage />} />
        <Route path="my-subject" element={<Guard permission="subject.self"><MySubjectPage /></Guard>} />
        <Route path="trace/bases" element={<Guard permission="trace.read"><BasesPage /></Guard>} />
        <Route path="trace/products" element={<Guard permission="trace.read"><ProductsPage /></Guard>} />
        <Route path="trace/batches" element={<Guard permission="trace.read"><BatchesPage /></Guard>} />
        <Route path="trace/batches/new" element={<Guard permission="trace.write"><BatchFormPage /></Guard>} />
        <Route path="trace/batches/:id" element={<Guard permission="trace.read"><BatchDetailPage /></Guard>} />
        <Route path="trace/trades" element={<Guard permission="trace.read"><TradesPage /></Guard>} />
        <Route path="scan" element={<Guard permission="trace.read"><ScanPage /></Guard>} />
        <Route path="trace/lookup" element={<Guard permission="trace.graph"><LookupPage /></Guard>} />
        <Route path="supervision/tasks" element={<Guard permission="supervision.task"><TasksPage /></Guard>} />
        <Route path="supervision/tasks/new" element={<Guard permission="supervision.publish"><TaskFormPage /></Guard>} />
        <Route path="supervision/tasks/:id" element={<Guard permission="supervision.task"><TaskDetailPage /></Guard>} />
        <Route path="supervision/field" element={<Guard permission="supervision.inspect"><InspectPage /></Guard>} />
        <Route path="supervision/inspections" element={<Guard permission="supervision.read"><InspectionsPage /></Guard>} />
        <Route path="supervision/checklists" element={<Guard permission="supervision.checklist"><ChecklistsPage /></Guard>} />
        <Route path="enforcement/cases" element={<Guard permission="enforcement.read"><CasesPage /></Guard>} />
        <Route path="enforcement/cases/:id" element={<Guard permission="enforcement.read"><CaseDetailPage /></Guard>} />
        <Route path="monitoring/sampling" element={<Guard permission="monitoring.sample"><SamplePage /></Guard>} />
        <Route path="monitoring/samples" element={<Guard permission="monitoring.read"><SamplesPage /></Guard>} />
        <Route path="monitoring/samples/:id" element={<Guard permission="monitoring.read"><SampleDetailPage /></Guard>} />
        <Route path="monitoring/summaries" element={<Guard permission="monitoring.read"><MonitoringTasksPage /></Guard>} />
        <Route path="monitoring/tasks/:taskId/summary" element={<Guard permission="monitoring.read"><TaskSummaryPage /></Guard>} />
        <Route path="monitoring/alerts" element={<Guard permission="monitoring.alert"><AlertsPage /></Guard>} />
        <Route path="monitoring/alerts/:id" element={<Guard permission="monitoring.alert"><AlertDetailPage /></Guard>} />
        <Route path="monitoring/recall-orders/:id" element={<Guard permission="monitoring.alert"><RecallOrderPage /></Guard>} />
        <Route path="monitoring/lab" element={<Guard permission="monitoring.sample"><LabSettingsPage /></Guard>} />
        <Route path="trace/recall-notices" element={<Guard permission="trace.read"><RecallNoticesPage /></Guard>} />
        <Route path="ops/announcements" element={<Guard permission="announcement.publish"><AnnouncementsPage /></Guard>} />
        <Route path="notices" element={<Guard permission="notice.send"><NoticesPage /></Guard>} />
        <Route path="notices/new" element={<Guard permission="notice.send"><NoticeFormPage /></Guard>} />
        <Route path="notices/:id" element={<Guard permission="notice.send"><NoticeDetailPage /></Guard>} />
        <Route path="inbox" element={<Guard permission="notice.read"><InboxPage /></Guard>} />
        <Route path="inbox/:id" element={<Guard permission="notice.read"><InboxNoticePage /></Guard>} />
        <Route path="analytics/monitors" element={<Guard permission="monitor.read"><MonitorsPage /></Guard>} />
        <Route path="analytics/rectifications" element={<Guard permission="monitor.read"><RectificationsPage /></Guard>} />
        <Route path="rectifications" element={<Guard permission="rectification.answer"><RectificationsPage /></Guard>} />
        <Route path="analytics/assessment" element={<Guard permission="monitor.target"><AssessmentPage /></Guard>} />
        <Route path="analytics/reports" element={<Guard permission="report.read"><ReportsPage /></Guard>} />
        <Route path="account" element={<AccountPage />} />
        <Route path="help" element={<HelpPage />} />
        <Route path="help/:guide" element={<HelpPage />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

/** The first menu page this account may open. */
function Home() {
  const me = useMe();
  if (me.subject) return <Navigate to="/my-subject" replace />;
  const first = menuFor(me)[0];
  return <Navigate to={first?.path ?? '/account'} replace />;
}

function Guard({ permission, children }: { permission: Permission; children: ReactNode }) {
  const me = useMe();
  const { t } = useI18n();
  const navigate = useNavigate();
  if (me.can(permission)) return children;
  return <Result status="403" title="403" subTitle={t('app.forbidden')} extra={<Button onClick={() => navigate('/')}>{t('app.backHome')}</Button>} />;
}

function NotFound() {
  const { t } = useI18n();
  const navigate = useNavigate();
  return <Result status="404" title="404" subTitle={t('app.notFound')} extra={<Button onClick={() => navigate('/')}>{t('app.backHome')}</Button>} />;
}

function FullPageSpin({ label }: { label: string }) {
  return (
    <div className="tn-full-center">
      <Spin size="large" description={label}>
        <div className="tn-spin-box" />
      </Spin>
    </div>
  );
}

function SuspenseFull({ label, children }: { label: string; children: ReactNode }) {
  return <Suspense fallback={<FullPageSpin label={label} />}>{children}</Suspense>;
}
