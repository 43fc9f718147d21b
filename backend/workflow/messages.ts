import type { MessagePart } from '#core/i18n/parts/index'

/* Server texts of the approval workflow. Keys: 'workflow.<name>'. */
const part: MessagePart = {
  'zh-CN': {
    'workflow.notPending': '该审批已不在审批中',
    'workflow.noTask': '您在当前节点没有待办，无法操作',
    'workflow.noApprover': '审批节点「{node}」找不到审批人，请联系管理员检查流程配置',
    'workflow.noChain': '该业务类型未配置审批流程',
    'workflow.unknownType': '审批业务类型 {type} 不存在',
    'workflow.amountRequired': '该业务类型需要金额',
    'workflow.badAmount': '审批金额不能为负数',
    'workflow.alreadyPending': '该业务已在审批中',
    'workflow.notApplicant': '只有申请人可以执行该操作',
    'workflow.notReturned': '只有被退回的审批可以重新提交',
    'workflow.alreadyDecided': '已有审批人处理，不能撤回',
    'workflow.badReturnTarget': '只能退回到之前的节点或申请人',
    'workflow.badUser': '人员不存在或已停用',
    'workflow.applicantCannotApprove': '申请人不能审批自己的申请',
    'workflow.alreadyAssigned': '该人员在当前节点已有待办',
    'workflow.assigneeNotApprover':
      '{user} 不具备审批节点「{node}」的审批角色，也不是流程指定的审批人，不能转办或加签',
    'workflow.assigneeOutOfScope': '该审批的业务记录不在 {user} 的数据权限范围内，不能转办或加签',
    'workflow.handlerRefused': '业务处理失败',
    'workflow.externalUnavailable': '外部授权及流程管理系统未接入',
    'workflow.unknownNames': '以下角色、岗位或用户不存在：{names}',
    'workflow.nodeWithoutApprovers': '第 {seq} 个节点未指定审批人（角色、岗位或人员）',
    'workflow.badFile': '附件无效：仅支持 PDF、图片、Word、Excel、文本和 ZIP 文件，单个不超过 20MB',
  },
  'en': {
    'workflow.notPending': 'This approval is no longer in progress',
    'workflow.noTask': 'You have no open task on the current step',
    'workflow.noApprover':
      'Nobody can approve step "{node}"; ask an administrator to check the chain',
    'workflow.noChain': 'No approval chain is configured for this business type',
    'workflow.unknownType': 'Approval type {type} does not exist',
    'workflow.amountRequired': 'This business type needs an amount',
    'workflow.badAmount': 'The amount cannot be negative',
    'workflow.alreadyPending': 'This record is already being approved',
    'workflow.notApplicant': 'Only the applicant may do this',
    'workflow.notReturned': 'Only a returned approval can be resubmitted',
    'workflow.alreadyDecided': 'An approver has already acted; it can no longer be withdrawn',
    'workflow.badReturnTarget': 'You can return only to an earlier step or to the applicant',
    'workflow.badUser': 'The user does not exist or is disabled',
    'workflow.applicantCannotApprove': 'The applicant cannot approve their own application',
    'workflow.alreadyAssigned': 'This user already has an open task on this step',
    'workflow.assigneeNotApprover':
      '{user} holds no approving role of step "{node}" and is not named by the chain',
    'workflow.assigneeOutOfScope': "This approval's record is outside {user}'s data scope",
    'workflow.handlerRefused': 'The business action failed',
    'workflow.externalUnavailable': 'The external approval system is not connected',
    'workflow.unknownNames': 'These roles, posts or users do not exist: {names}',
    'workflow.nodeWithoutApprovers': 'Step {seq} names no approvers (role, post or user)',
    'workflow.badFile': 'Invalid file: PDF, images, Word, Excel, text or ZIP up to 20 MB only',
  },
}

export default part
