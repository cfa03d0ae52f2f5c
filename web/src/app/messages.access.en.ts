import type { accessZh } from './messages.access.zh';

export const accessEn: Record<keyof typeof accessZh, string> = {
  'menuGroup.system': 'Administration',
  'menuGroup.subjects': 'Producers and traders',
  'menuGroup.trace': 'Traceability',
  'menuGroup.supervision': 'Supervision and enforcement',
  'menuGroup.monitoring': 'Monitoring',
  'menuGroup.analytics': 'Statistics',
  'crumb.home': 'Home',
  'crumb.detail': 'Details',
  'crumb.new': 'New',
  'crumb.identity': 'Scanned identity',

  'login.demoTitle': 'Demo accounts (shown only while the demo data is loaded)',
  'login.forgot': 'Forgot your password?',
  'login.forgotTitle': 'Forgotten password',
  'login.forgotDesc': "Type your username: the request goes to your agency's administrator, who sets a temporary password and tells you in person or by phone; you change it at your next login.",
  'login.forgotProducer': "A producer's or trader's staff account: the request goes to your main account; a main account's goes to your county supervision agency.",
  'login.forgotSubmit': 'Send the request',
  'login.forgotDone': "Received. If this username is an account, whoever resets it (the agency's administrator, your main account or your county supervision agency) will see your request.",

  'resetRequests.title': 'Password-reset requests waiting',
  'resetRequests.desc': 'These accounts asked for a password reset on the login page. Check that it is the holder, then reset the password and tell them the temporary one.',
  'resetRequests.requestedAt': 'Requested',
  'resetRequests.agency': 'Agency',
  'resetRequests.reset': 'Reset password',
  'resetRequests.empty': 'No requests waiting',

  'privacy.title': 'How your personal information is handled',
  'privacy.body':
    "To register, we collect the subject's details, the legal representative's or person's name, identity number and mobile number, and photos of the business licence or of both sides of the ID card. Identity numbers and ID photos are sensitive personal information: they are used only by your county's agriculture department to check your identity, stored encrypted and shown masked; every view by a reviewer is audited. Photos of applications not approved or not cited are deleted. You follow your application with its tracking code.",
  'privacy.basis': 'The Personal Information Protection Law of the PRC (articles 28 and 29) requires separate consent to process sensitive personal information.',
  'privacy.consent': 'I have read this notice and consent to giving my identity number and ID photos (sensitive personal information)',
  'privacy.required': 'Read the notice and tick your consent to submit the application',
  'privacy.version': 'Notice version: {version}',

  'reg.photoRequired': 'Upload the {kind}',

  'recover.title': 'Find my tracking code',
  'recover.desc': 'Lost your tracking code? Type the identity number and the mobile number given on applying; the code is shown only when both match the application.',
  'recover.idNumber': 'Identity number (credit code or ID card number)',
  'recover.phone': 'Mobile number given on applying',
  'recover.submit': 'Find',
  'recover.none': 'Nothing found: the identity number and the mobile number must both be those of the application.',
  'recover.found': '{n} application(s) found; open one to see its progress:',
  'recover.open': 'See progress',

  'scan.actions': 'On site',
  'scan.inspect': 'Start inspection',
  'scan.sample': 'Take a sample',
  'scan.enforce': 'Enforcement record',
  'scan.enforceTitle': 'Open an enforcement record for this subject',
  'scan.enforceCaseTitle': 'Case title',
  'scan.enforceSummary': 'What was found on site',
  'scan.enforceDefaultTitle': 'On-site enforcement at {name}',
  'scan.enforceOpened': 'Enforcement record opened',
  'scan.noActions': 'Your account has no inspection, sampling or enforcement rights; it sees the subject and its certificates.',

  'action.auth.password_reset_request': 'Password reset requested',
  'action.application.recover_code': 'Tracking code recovered',
};
