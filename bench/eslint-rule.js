// The single-file rule a user would write instead (for the comparison only): a payment call in a
// function with no earlier booking insert in that same function.
const PAYMENT = /\.(?:paymentIntents|checkout\.sessions|charges|paymentLinks)\.create$|\.orders\.create$/;
const BOOKING_WRITE = /\.(?:booking|bookings|reservation|reservations|appointment|appointments)\.(?:create|insert|upsert)$|\binsert\(/i;

function calleeText(node) {
  if (node.type === 'Identifier') return node.name;
  if (node.type === 'MemberExpression' && !node.computed) return `${calleeText(node.object)}.${node.property.name}`;
  if (node.type === 'CallExpression') return `${calleeText(node.callee)}()`;
  return '?';
}

export default {
  meta: { type: 'problem', messages: { noBookingFirst: 'Payment call with no booking insert before it in this function.' } },
  create(context) {
    const stack = [];
    const enter = () => stack.push({ booked: false });
    const exit = () => stack.pop();
    return {
      FunctionDeclaration: enter,
      FunctionExpression: enter,
      ArrowFunctionExpression: enter,
      'FunctionDeclaration:exit': exit,
      'FunctionExpression:exit': exit,
      'ArrowFunctionExpression:exit': exit,
      CallExpression(node) {
        const frame = stack[stack.length - 1];
        if (!frame) return;
        const text = calleeText(node.callee);
        if (BOOKING_WRITE.test(text)) frame.booked = true;
        else if (PAYMENT.test(text) && !frame.booked) context.report({ node, messageId: 'noBookingFirst' });
      },
    };
  },
};
