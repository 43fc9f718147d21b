/*
| The e-mail layout (MJML + Handlebars). Kept as a TypeScript string, not a
| .mjml file, so `node ace build` ships it with the compiled code.
*/
export const layoutMjml = `
<mjml>
  <mj-head>
    <mj-title>{{title}}</mj-title>
    <mj-attributes>
      <mj-all font-family="'PingFang SC', 'Microsoft YaHei', Arial, sans-serif" />
      <mj-text font-size="14px" line-height="22px" color="#303133" />
    </mj-attributes>
  </mj-head>
  <mj-body background-color="#f2f3f5">
    <mj-section background-color="#1f3a5f" padding="16px 24px">
      <mj-column>
        <mj-text color="#ffffff" font-size="16px" font-weight="bold">{{bankName}} · 风险资产管理系统</mj-text>
      </mj-column>
    </mj-section>
    <mj-section background-color="#ffffff" padding="24px">
      <mj-column>
        <mj-text font-size="12px" color="#909399">{{typeName}}</mj-text>
        <mj-text font-size="18px" font-weight="bold">{{title}}</mj-text>
        <mj-text>{{recipientName}}，您好：</mj-text>
        <mj-text>{{lines body}}</mj-text>
        {{#each facts}}
        <mj-text padding-top="0" padding-bottom="0">{{label}}：{{value}}</mj-text>
        {{/each}}
        {{#if linkUrl}}
        <mj-button href="{{linkUrl}}" background-color="#1f3a5f" align="left">在系统中查看</mj-button>
        {{/if}}
      </mj-column>
    </mj-section>
    <mj-section padding="12px 24px">
      <mj-column>
        <mj-text font-size="12px" color="#909399">本邮件由系统自动发送，请勿直接回复。{{sentAt}}</mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>
`
