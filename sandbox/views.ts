/** State objects as the API shows them: OVHcloud's fields only, internal ones left out. */
import type {
  AccountState,
  BlacklistState,
  Incoming,
  IncomingState,
  OutgoingState,
  PendingJobState,
  SenderState,
} from './types';

export function accountView(account: AccountState) {
  return {
    name: account.name,
    description: account.description,
    status: account.status,
    creditsLeft: account.creditsLeft,
    creditsHoldByQuota: account.creditsHoldByQuota,
    userQuantityWithQuota: account.userQuantityWithQuota,
    callBack: account.callBack,
    stopCallBack: account.stopCallBack,
    smsResponse: account.smsResponse,
    automaticRecreditAmount: account.automaticRecreditAmount,
    creditThresholdForAutomaticRecredit: account.creditThresholdForAutomaticRecredit,
    templates: account.templates,
    channel: account.channel,
    smpp: account.smpp,
    iam: {
      id: `sandbox-${account.name}`,
      urn: `urn:v1:eu:resource:sms:${account.name}`,
      displayName: account.description,
    },
  };
}

export function jobView(job: PendingJobState) {
  return {
    id: job.id,
    creationDatetime: job.creationDatetime,
    credits: job.credits,
    message: job.message,
    messageLength: job.messageLength,
    numberOfSms: job.numberOfSms,
    ptt: job.ptt,
    deliveryReceipt: job.deliveryReceipt,
    differedDelivery: job.differedDelivery,
    receiver: job.receiver,
    sender: job.sender,
    sentAt: null,
    deliveredAt: null,
  };
}

/** `sms.VirtualNumberJob`: a job sent by a virtual number (no sender, no dates). */
export function virtualNumberJobView(job: PendingJobState) {
  return {
    id: job.id,
    creationDatetime: job.creationDatetime,
    credits: job.credits,
    message: job.message,
    messageLength: job.messageLength,
    numberOfSms: job.numberOfSms,
    ptt: job.ptt,
    deliveryReceipt: job.deliveryReceipt,
    differedDelivery: job.differedDelivery,
    receiver: job.receiver,
  };
}

export function outgoingView(sms: OutgoingState) {
  return {
    id: sms.id,
    batchID: sms.batchID,
    messageID: sms.messageID,
    creationDatetime: sms.creationDatetime,
    sentAt: sms.sentAt,
    deliveredAt: sms.deliveredAt,
    credits: sms.credits,
    deliveryReceipt: sms.deliveryReceipt,
    differedDelivery: sms.differedDelivery,
    message: sms.message,
    messageLength: sms.messageLength,
    numberOfSms: sms.numberOfSms,
    ptt: sms.ptt,
    receiver: sms.receiver,
    sender: sms.sender,
    tag: sms.tag,
    tariffCode: sms.tariffCode,
  };
}

export function incomingView(sms: IncomingState): Incoming {
  return {
    id: sms.id,
    creationDatetime: sms.creationDatetime,
    credits: sms.credits,
    message: sms.message,
    sender: sms.sender,
    tag: sms.tag,
  };
}

export function senderView(sender: SenderState) {
  return {
    sender: sender.sender,
    description: sender.description,
    status: sender.status,
    type: sender.type,
    referer: sender.referer,
    comment: sender.comment,
    validationMedia: sender.validationMedia,
  };
}

export function blacklistView(entry: BlacklistState) {
  return {
    number: entry.number,
    dateCreation: entry.dateCreation,
    batchID: entry.batchID,
    smsOutgoingID: entry.smsOutgoingID,
  };
}
